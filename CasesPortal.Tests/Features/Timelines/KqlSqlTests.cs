using CasesPortal.Data;
using CasesPortal.Features.Timelines.Query;

namespace CasesPortal.Tests.Features.Timelines;

[Trait(Layer.Name, Layer.Unit)]
public sealed class KqlSqlTests
{
    private static SqlCondition Sql(string query) => KqlSql.Translate(KqlParser.Parse(query).Node!);

    private static object[] Values(SqlCondition condition) => condition.Parameters.Select(p => p.Value).ToArray();

    [Fact]
    public void Indexed_fields_compare_their_column_with_a_parameter()
    {
        var sql = Sql("host.name:web-01");
        Assert.Equal("e.\"HostName\" = $k0", sql.Sql);
        Assert.Equal(["web-01"], Values(sql));
    }

    [Fact]
    public void Values_never_enter_the_sql_text()
    {
        var sql = Sql("user.name:\"x' OR 1=1 --\" or process.name:\"a\\\"b\"");
        Assert.DoesNotContain("1=1", sql.Sql);
        Assert.Equal("(e.\"UserName\" = $k0 OR e.\"ProcessName\" = $k1)", sql.Sql);
        Assert.Equal(["x' OR 1=1 --", "a\"b"], Values(sql));
    }

    [Fact]
    public void Wildcards_become_glob_with_its_own_characters_escaped()
    {
        var sql = Sql("process.name:power*");
        Assert.Equal("e.\"ProcessName\" GLOB $k0", sql.Sql);
        Assert.Equal(["power*"], Values(sql));
        Assert.Equal(["a[?]b[[]*"], Values(Sql("process.name:a?b[*")));
    }

    [Fact]
    public void Other_fields_are_read_from_the_document_nested_dotted_or_mixed()
    {
        var sql = Sql("file.hash.sha256:abc");
        Assert.Equal("EXISTS (SELECT 1 FROM json_each(e.\"Document\", $k1) WHERE value = $k0 UNION ALL " +
            "SELECT 1 FROM json_each(e.\"Document\", $k2) WHERE value = $k0 UNION ALL " +
            "SELECT 1 FROM json_each(e.\"Document\", $k3) WHERE value = $k0 UNION ALL " +
            "SELECT 1 FROM json_each(e.\"Document\", $k4) WHERE value = $k0)", sql.Sql);
        Assert.Equal(["abc", "$.\"file\".\"hash\".\"sha256\"", "$.\"file.hash.sha256\"", "$.\"file\".\"hash.sha256\"", "$.\"file.hash\".\"sha256\""], Values(sql));
    }

    [Fact]
    public void A_field_has_a_path_for_every_grouping_of_its_parts_up_to_six_parts()
    {
        static IEnumerable<string> Paths(string field) => KqlFields.JsonPaths(field).Select(p => (string)SqliteEventQuerySql.Instance.JsonPath(p));
        Assert.Equal(["$.\"message\""], Paths("message"));
        Assert.Equal(["$.\"a\".\"b\"", "$.\"a.b\""], Paths("a.b"));
        var six = Paths("a.b.c.d.e.f").ToList();
        Assert.Equal(32, six.Count);
        Assert.Equal(32, six.Distinct().Count());
        Assert.Equal(["$.\"a\".\"b\".\"c\".\"d\".\"e\".\"f\"", "$.\"a.b.c.d.e.f\""], six.Take(2));
        Assert.Equal(["$.\"a\".\"b\".\"c\".\"d\".\"e\".\"f\".\"g\"", "$.\"a.b.c.d.e.f.g\""], Paths("a.b.c.d.e.f.g"));
    }

    [Fact]
    public void Numbers_match_as_numbers_or_text_and_ranges_compare_numbers()
    {
        Assert.Contains("(value = $k0 OR value = $k1)", Sql("event.code:4625").Sql);
        var range = Sql("event.risk_score >= 70");
        Assert.Contains("WHERE value >= $k0", range.Sql);
        Assert.Equal(70d, range.Parameters[0].Value);
    }

    [Fact]
    public void Timestamp_ranges_compare_utc_ticks_on_the_indexed_column()
    {
        var sql = Sql("@timestamp < \"2026-11-01\"");
        Assert.Equal("e.\"Timestamp\" < $k0", sql.Sql);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks, sql.Parameters[0].Value);
    }

    [Fact]
    public void Exists_checks_the_column_or_the_json_type()
    {
        Assert.Equal("(e.\"UserName\" IS NOT NULL AND e.\"UserName\" <> '')", Sql("user.name:*").Sql);
        Assert.Equal("(json_type(e.\"Document\", $k0) IS NOT NULL OR json_type(e.\"Document\", $k1) IS NOT NULL OR " +
            "json_type(e.\"Document\", $k2) IS NOT NULL OR json_type(e.\"Document\", $k3) IS NOT NULL)", Sql("dns.question.name:*").Sql);
    }

    [Fact]
    public void Bare_words_and_message_use_the_full_text_index()
    {
        var sql = Sql("mimikatz");
        Assert.Equal("e.rowid IN (SELECT rowid FROM \"SecurityEventsText\" WHERE \"SecurityEventsText\" MATCH $k0)", sql.Sql);
        Assert.Equal(["\"mimikatz\""], Values(sql));
        Assert.Equal(["\"power\" *"], Values(Sql("power*")));
        Assert.Equal(["message : \"logon \"\"failed\"\"\""], Values(Sql("message:\"logon \\\"failed\\\"\"")));
    }

    [Fact]
    public void List_columns_match_one_of_their_values()
    {
        var sql = Sql("event.category:network");
        Assert.Equal("instr((',' || e.\"EventCategory\" || ','), $k0) > 0", sql.Sql);
        Assert.Equal([",network,"], Values(sql));
    }

    [Fact]
    public void PostgreSQL_reads_documents_as_jsonb_and_matches_words_with_its_text_search()
    {
        var document = KqlSql.Translate(KqlParser.Parse("file.hash.sha256:abc").Node!, sql: PostgresEventQuerySql.Instance);
        Assert.Contains("jsonb_array_elements", document.Sql);
        Assert.Contains("@k1", document.Sql);
        Assert.Equal(["abc", new[] { "file", "hash", "sha256" }, new[] { "file.hash.sha256" }, new[] { "file", "hash.sha256" }, new[] { "file.hash", "sha256" }], Values(document));

        var words = KqlSql.Translate(KqlParser.Parse("powersh*").Node!, sql: PostgresEventQuerySql.Instance);
        Assert.Contains("to_tsquery('simple', @k0)", words.Sql);
        Assert.Equal(["'powersh':*"], Values(words));
    }

    [Fact]
    public void Not_treats_a_missing_field_as_not_matching()
    {
        Assert.Equal("(NOT COALESCE(e.\"HostName\" = $k0, FALSE))", Sql("not host.name:web-01").Sql);
        Assert.Equal("((NOT COALESCE(e.\"HostName\" = $k0, FALSE)) AND e.\"UserName\" = $k1)", Sql("not host.name:a and user.name:b").Sql);
    }
}
