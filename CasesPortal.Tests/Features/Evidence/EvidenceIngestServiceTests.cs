using CasesPortal.Data;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Evidence;

[Trait(Layer.Name, Layer.Unit)]
public sealed class EvidenceIngestServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;

    public async Task InitializeAsync() => portal = await PortalServices.StartAsync(new() { ["Ingest:BatchSize"] = "3" });

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private EvidenceIngestService Ingest => portal.Get<EvidenceIngestService>();

    private async Task<BulkResponse> IngestAsync(EvidenceKind kind, byte[] body)
    {
        var result = await Ingest.IngestAsync(kind, body, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    private async Task<CasesDbContext> DbAsync() => await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task Nested_dotted_and_mixed_alerts_fill_the_same_columns()
    {
        var response = await IngestAsync(EvidenceKind.Alerts, Samples.Bytes(Samples.Alerts));

        Assert.False(response.Errors);
        Assert.Equal(5, response.Items.Count);
        Assert.All(response.Items, i => Assert.Equal((201, "created"), (i.Index.Status, i.Index.Result)));
        await using var db = await DbAsync();
        var alerts = await db.Alerts.ToDictionaryAsync(a => a.Id);

        var nested = alerts["5f1c0a5e8e0b4bb7a1f1b0f3e6c2a901"];
        Assert.Equal(("Suspicious PowerShell Encoded Command", "8a4f500d-7a2c-4d1e-9c1e-2b3f7e8a9c01", "high", 73d, "open"),
            (nested.RuleName, nested.RuleUuid, nested.Severity, nested.RiskScore, nested.WorkflowStatus));
        Assert.Equal(("WS-042", "8f2c6a1e0b7d4f9a9e3c5b2d1a0f7e6c", "Windows 11 Pro", "ana.diaz", "powershell.exe"),
            (nested.HostName, nested.HostId, nested.HostOsName, nested.UserName, nested.ProcessName));
        Assert.Equal(("process", "start", "success"), (nested.EventCategory, nested.EventAction, nested.EventOutcome));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 14, 22, 481, TimeSpan.Zero), nested.Timestamp);
        Assert.StartsWith("process event with process powershell.exe", nested.Reason);
        Assert.Contains("\"T1059.001\"", nested.Document);

        var dotted = alerts["a9d3e27b41c84c6f8d0e5f1a2b3c4d5e"];
        Assert.Equal(("Connection to Known C2 Server", "critical", 99d, "acknowledged"), (dotted.RuleName, dotted.Severity, dotted.RiskScore, dotted.WorkflowStatus));
        Assert.Equal(("WS-042", "Windows 11 Pro", "10.20.4.42", "203.0.113.7", "network"),
            (dotted.HostName, dotted.HostOsName, dotted.SourceIp, dotted.DestinationIp, dotted.EventCategory));

        var mixed = alerts["c4e5f6a7b8c94d0e9f1a2b3c4d5e6f70"];
        Assert.Equal(("Multiple Logon Failures Followed by Success", "4b1e2c3d-5f60-4718-8a9b-0c1d2e3f4a5b", "medium", 47d),
            (mixed.RuleName, mixed.RuleUuid, mixed.Severity, mixed.RiskScore));
        Assert.Equal(("DC-01", "1d2c3b4a59687f6e5d4c3b2a1f0e9d8c", "Windows Server 2022", "svc-backup", "198.51.100.23", "authentication"),
            (mixed.HostName, mixed.HostId, mixed.HostOsName, mixed.UserName, mixed.SourceIp, mixed.EventCategory));

        // A search hit: the id is the hit's _id, the stored document its _source.
        var hit = alerts["8c1e1b0f2d5c4a3e9b7f6a5d4c3b2a10"];
        Assert.Equal(("Phishing Link Clicked", 68d, "WS-042"), (hit.RuleName, hit.RiskScore, hit.HostName));
        Assert.DoesNotContain("_index", hit.Document);
    }

    [Fact]
    public async Task Events_take_their_id_from_underscore_id_or_event_id_and_get_one_otherwise()
    {
        var response = await IngestAsync(EvidenceKind.Events, Samples.Bytes(Samples.Events));

        Assert.False(response.Errors);
        var ids = response.Items.Select(i => i.Index.Id!).ToList();
        Assert.Equal(["evt-proc-0001", "evt-net-0002", "winsec-4625-000311", "winsec-4624-000342", "evt-net-0005"], ids[..5]);
        Assert.True(Guid.TryParse(ids[5], out _));
        await using var db = await DbAsync();
        var network = await db.SecurityEvents.SingleAsync(e => e.Id == "evt-net-0002");
        Assert.Equal(("WS-042", "10.20.4.42", "203.0.113.7", "network", "connection_attempted"),
            (network.HostName, network.SourceIp, network.DestinationIp, network.EventCategory, network.EventAction));
        var logon = await db.SecurityEvents.SingleAsync(e => e.Id == "winsec-4624-000342");
        Assert.Equal(("Windows Server 2022", "svc-backup", "success"), (logon.HostOsName, logon.UserName, logon.EventOutcome));
    }

    [Fact]
    public async Task A_stix_bundle_stores_each_indicator_kind_and_counts_every_object_as_an_item()
    {
        var response = await IngestAsync(EvidenceKind.Indicators, Samples.Bytes(Samples.StixBundle));

        Assert.False(response.Errors);
        Assert.Equal(["noop", "created", "created", "created", "created", "created", "noop"], response.Items.Select(i => i.Index.Result!));
        Assert.Equal("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff", response.Items[0].Index.Id);
        await using var db = await DbAsync();
        var byId = await db.Indicators.ToDictionaryAsync(i => i.Id);
        Assert.Equal(5, byId.Count);
        var ip = byId["indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"];
        Assert.Equal(("ipv4-addr", "203.0.113.7", "ACME CERT", "High"), (ip.Type, ip.Value, ip.Provider, ip.Confidence));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), ip.FirstSeen);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 16, 30, 0, TimeSpan.Zero), ip.LastSeen);
        Assert.Equal(("file", "9f914d42706fe215501044acd85a32d58aaef1419d404fddfa5d3b48f66ccd9f", "Medium"),
            (byId["indicator--1f9a4b3c-2d5e-4f60-8a7b-9c0d1e2f3a4b"].Type, byId["indicator--1f9a4b3c-2d5e-4f60-8a7b-9c0d1e2f3a4b"].Value, byId["indicator--1f9a4b3c-2d5e-4f60-8a7b-9c0d1e2f3a4b"].Confidence));
        Assert.Equal(("url", "http://malicious.example.net/stage2"), (byId["indicator--3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"].Type, byId["indicator--3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"].Value));
        var domain = byId["indicator--4d5e6f70-8192-4a3b-9c4d-5e6f708192a3"];
        Assert.Equal(("domain-name", "login.contoso-secure.example", null, "Low"), (domain.Type, domain.Value, domain.Provider, domain.Confidence));
        var email = byId["indicator--5e6f7081-92a3-4b4c-8d5e-6f708192a3b4"];
        Assert.Equal(("email-addr", "it-support@contoso-secure.example", null), (email.Type, email.Value, email.Confidence));
    }

    [Theory]
    [InlineData("[ipv4-addr:value = '203.0.113.7']", "ipv4-addr", "203.0.113.7")]
    [InlineData("[ipv6-addr:value = '2001:db8::1']", "ipv6-addr", "2001:db8::1")]
    [InlineData("[file:hashes.'SHA-256' = 'ABCDEF0123']", "file", "abcdef0123")]
    [InlineData("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']", "file", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("[url:value = 'http://x.example/a?b=c']", "url", "http://x.example/a?b=c")]
    [InlineData("[domain-name:value = 'evil.example']", "domain-name", "evil.example")]
    [InlineData("[email-addr:value = 'o\\'brien@evil.example']", "email-addr", "o'brien@evil.example")]
    [InlineData("  [ url:value='http://a.example' AND url:value = 'http://b.example' ]", "url", "http://a.example")]
    [InlineData("[file:name = 'invoice.exe' AND file:hashes.MD5 = 'D41D8CD98F00B204E9800998ECF8427E']", "file", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("[file:hashes.MD5 = 'aa11' OR file:hashes.'SHA-1' = 'bb22' OR file:hashes.'SHA-256' = 'CC33']", "file", "cc33")]
    [InlineData("[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '198.51.100.9' AND network-traffic:dst_port = 443]",
        "ipv4-addr", "198.51.100.9")]
    [InlineData("[network-traffic:dst_ref.value = '2001:db8::7']", "ipv6-addr", "2001:db8::7")]
    [InlineData("[network-traffic:dst_ref.value = 'C2.Evil.Example']", "domain-name", "c2.evil.example")]
    [InlineData("([file:name = 'a.exe'] FOLLOWEDBY [ipv4-addr:value = '203.0.113.9']) WITHIN 300 SECONDS", "ipv4-addr", "203.0.113.9")]
    [InlineData("[file:size > 1000 AND file:name = 'dropper.exe']", "file", "dropper.exe")]
    [InlineData("[url:value MATCHES 'ipv4-addr:value = \\'10.0.0.1\\'' AND domain-name:value = 'Evil.Example']", "domain-name", "evil.example")]
    public void Stix_patterns_give_the_ecs_type_and_value(string pattern, string type, string value) =>
        Assert.Equal((type, value), StixPattern.Parse(pattern));

    [Theory]
    [InlineData("[network-traffic:dst_port = 443]")]
    [InlineData("not a pattern")]
    [InlineData("[ipv4-addr:value = '']")]
    [InlineData("[file:name != 'a.exe']")]
    [InlineData("[x-acme-asset:value = 'crown-jewel']")]
    public void Unsupported_stix_patterns_give_nothing(string pattern) => Assert.Null(StixPattern.Parse(pattern));

    [Fact]
    public async Task Ecs_threat_indicators_are_keyed_by_type_and_value()
    {
        var response = await IngestAsync(EvidenceKind.Indicators, Samples.Bytes(Samples.EcsIndicators));

        Assert.False(response.Errors);
        Assert.Equal(["url:http://198.51.100.77/bins/mozi.m", "ipv4-addr:192.0.2.201",
            "file:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "email-addr:billing@invoices-update.example"],
            response.Items.Select(i => i.Index.Id!));
        await using var db = await DbAsync();
        var ip = await db.Indicators.SingleAsync(i => i.Type == "ipv4-addr");
        Assert.Equal(("192.0.2.201", "AbuseIPDB", "Medium"), (ip.Value, ip.Provider, ip.Confidence));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 41, 58, TimeSpan.Zero), ip.LastSeen);
        Assert.Equal("abuse.ch", (await db.Indicators.SingleAsync(i => i.Type == "url")).Provider);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_type_and_reason_and_the_good_ones_are_stored()
    {
        var body = Samples.Utf8("""
            {"kibana.alert.uuid":"good-1","@timestamp":"2026-11-27T08:00:00Z"}
            {"kibana.alert.uuid":"broken", "host":
            [1,2,3]

            {"kibana.alert.uuid":"bad-date","@timestamp":"yesterday"}
            {"kibana.alert.uuid":"bad-risk","kibana.alert.risk_score":"high"}
            {"kibana.alert.uuid":"good-2"}
            """);

        var response = await IngestAsync(EvidenceKind.Alerts, body);

        Assert.True(response.Errors);
        Assert.Equal([201, 400, 400, 400, 400, 201], response.Items.Select(i => i.Index.Status));
        Assert.Equal("x_content_parse_exception", response.Items[1].Index.Error!.Type);
        Assert.EndsWith("(line 1, byte 39 of the document)", response.Items[1].Index.Error!.Reason);
        Assert.DoesNotContain("LineNumber", response.Items[1].Index.Error!.Reason);
        Assert.Equal("mapper_parsing_exception", response.Items[2].Index.Error!.Type);
        Assert.Contains("JSON object", response.Items[2].Index.Error!.Reason);
        Assert.Equal(("bad-date", "mapper_parsing_exception"), (response.Items[3].Index.Id, response.Items[3].Index.Error!.Type));
        Assert.Contains("[@timestamp]", response.Items[3].Index.Error!.Reason);
        Assert.Contains("[kibana.alert.risk_score]", response.Items[4].Index.Error!.Reason);
        Assert.All(response.Items.Where(i => i.Index.Status == 400), i => Assert.Null(i.Index.Result));
        await using var db = await DbAsync();
        Assert.Equal(["good-1", "good-2"], await db.Alerts.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
    }

    [Fact]
    public async Task The_same_document_twice_is_one_row_and_the_second_is_an_update()
    {
        var first = Samples.Utf8("""{"kibana.alert.uuid":"dup-1","kibana.alert.workflow_status":"open"}""");
        var second = Samples.Utf8("""{"kibana.alert.uuid":"dup-1","kibana.alert.workflow_status":"closed"}""");

        var created = await IngestAsync(EvidenceKind.Alerts, first);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var updated = await IngestAsync(EvidenceKind.Alerts, second);

        Assert.Equal((201, "created"), (created.Items[0].Index.Status, created.Items[0].Index.Result));
        Assert.Equal((200, "updated", "dup-1"), (updated.Items[0].Index.Status, updated.Items[0].Index.Result, updated.Items[0].Index.Id));
        await using var db = await DbAsync();
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal(("closed", 2), (alert.WorkflowStatus, alert.Revision));
        Assert.Equal(portal.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), alert.IngestedAt);
        Assert.Equal(portal.Clock.GetUtcNow(), alert.UpdatedAt);
    }

    [Fact]
    public async Task Batches_keep_the_order_and_an_id_repeated_across_a_batch_boundary_is_updated()
    {
        // Batch size is 3 here: lines 1-3, 4-6, 7.
        var lines = new[] { "e1", "e2", "e3", "e2", "e4", "e5", "e1" }.Select(id => "{\"event\":{\"id\":\"" + id + "\"}}");
        var response = await IngestAsync(EvidenceKind.Events, Samples.Utf8(string.Join("\n", lines)));

        Assert.Equal(["created", "created", "created", "updated", "created", "created", "updated"], response.Items.Select(i => i.Index.Result!));
        Assert.Equal(["e1", "e2", "e3", "e2", "e4", "e5", "e1"], response.Items.Select(i => i.Index.Id!));
        await using var db = await DbAsync();
        Assert.Equal(5, await db.SecurityEvents.CountAsync());
    }

    [Fact]
    public async Task A_json_array_gives_one_item_per_element()
    {
        var response = await IngestAsync(EvidenceKind.Events, Samples.Utf8("""[{"_id":"a1"}, 42, {"_id":"a2"}]"""));

        Assert.Equal([201, 400, 201], response.Items.Select(i => i.Index.Status));
    }

    [Fact]
    public async Task Limits_refuse_only_the_offending_document()
    {
        await using var small = await PortalServices.StartAsync(new() { ["Ingest:MaxLineBytes"] = "1000", ["Ingest:MaxFieldsPerDocument"] = "10" });
        var manyFields = "{" + string.Join(",", Enumerable.Range(0, 11).Select(i => $"\"f{i}\":{i}")) + "}";
        var longLine = $$"""{"_id":"long","message":"{{new string('x', 1200)}}"}""";
        var longId = $$"""{"_id":"{{new string('i', 520)}}"}""";
        var body = Samples.Utf8(string.Join("\n", """{"_id":"ok"}""", manyFields, longLine, longId));

        var result = await small.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Events, body, CancellationToken.None);

        var items = result.Value!.Items.Select(i => i.Index).ToList();
        Assert.Equal([201, 400, 400, 400], items.Select(i => i.Status));
        Assert.Contains("Ingest:MaxFieldsPerDocument", items[1].Error!.Reason);
        Assert.Contains("Ingest:MaxLineBytes", items[2].Error!.Reason);
        Assert.Contains("id is too long", items[3].Error!.Reason);
        Assert.All(items.Skip(1), i => Assert.Equal("illegal_argument_exception", i.Error!.Type));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n  ", "empty")]
    [InlineData("hello world", "not JSON")]
    [InlineData("[{\"a\":1}, {\"b\":", "not valid JSON")]
    [InlineData("[\n  {\"a\": 1}\n  {\"b\": 2}\n]", "array but is not valid JSON: '{' is invalid after a value. Expected either ',', '}', or ']' (line 3, byte 3)")]
    // A pretty-printed bundle missing a comma: one message that says where, not an error for each of its lines.
    [InlineData("\n{\n  \"type\": \"bundle\",\n  \"objects\": [\n    {\"type\": \"indicator\"}\n    {\"type\": \"indicator\"}\n  ]\n}",
        "one JSON object written over several lines, and it is not valid JSON: '{' is invalid after a value. Expected either ',', '}', or ']' (line 6, byte 5)")]
    [InlineData("{\n", "over several lines")]
    public async Task A_body_that_is_not_json_at_all_is_refused_whole(string body, string message)
    {
        var result = await Ingest.IngestAsync(EvidenceKind.Alerts, Samples.Utf8(body), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(400, result.Error!.Status);
        Assert.Contains(message, result.Error.Message);
    }

    [Fact]
    public async Task Ndjson_whose_first_line_is_cut_short_keeps_its_good_lines()
    {
        var body = Samples.Utf8("{\"_id\":\"cut\",\"message\":\"half\n{\"_id\":\"whole-1\",\"@timestamp\":\"2026-11-27T10:00:00Z\"}\n{\"_id\":\"whole-2\",\"@timestamp\":\"2026-11-27T10:01:00Z\"}\n");

        var result = await Ingest.IngestAsync(EvidenceKind.Events, body, CancellationToken.None);

        Assert.Equal([400, 201, 201], result.Value!.Items.Select(i => i.Index.Status));
        Assert.Contains("not valid JSON", result.Value.Items[0].Index.Error!.Reason);
    }
}
