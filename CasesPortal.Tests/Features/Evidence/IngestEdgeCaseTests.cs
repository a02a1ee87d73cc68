using CasesPortal.Data;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace CasesPortal.Tests.Features.Evidence;

/// <summary>Documents as real senders write them, beyond the usual shapes: none may fail the request or break a page later.</summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class IngestEdgeCaseTests : IAsyncLifetime
{
    private PortalServices portal = default!;

    public async Task InitializeAsync() => portal = await PortalServices.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<BulkResponse> IngestAsync(EvidenceKind kind, string body)
    {
        var result = await portal.Get<EvidenceIngestService>().IngestAsync(kind, Samples.Utf8(body), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    private async Task<CasesDbContext> DbAsync() => await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task An_unpaired_surrogate_escape_refuses_its_document_alone_and_pairs_and_escaped_backslashes_pass()
    {
        var response = await IngestAsync(EvidenceKind.Alerts, """
            {"kibana.alert.uuid":"good-before","kibana.alert.reason":"fine"}
            {"kibana.alert.uuid":"lone-indexed","kibana.alert.reason":"x \ud800 y"}
            {"kibana.alert.uuid":"lone-elsewhere","labels":{"note":"\udc00 alone"}}
            {"kibana.alert.uuid":"high-at-end","labels":{"note":"\udbff"}}
            {"kibana.alert.uuid":"emoji","message":"\ud83d\ude00 pair","labels":{"path":"C:\\ud800\\file"}}
            """);

        Assert.Equal([201, 400, 400, 400, 201], response.Items.Select(i => i.Index.Status));
        Assert.Equal("x_content_parse_exception", response.Items[1].Index.Error!.Type);
        Assert.Contains("[\\ud800]", response.Items[1].Index.Error!.Reason);
        Assert.Contains("[\\udc00]", response.Items[2].Index.Error!.Reason);
        await using var db = await DbAsync();
        Assert.Equal(["emoji", "good-before"], await db.Alerts.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.Equal("\U0001F600 pair", (await db.Alerts.SingleAsync(a => a.Id == "emoji")).Message);
        // What is stored can be read back and shown.
        var page = await portal.Get<EvidenceQueries>().FindAlertsAsync(new AlertQuery(), CancellationToken.None);
        Assert.Equal(2, page.Total);
    }

    [Theory]
    [InlineData("plain text", null)]
    [InlineData("\\u00e9 \\\\ud800 \\n", null)]
    [InlineData("\\ud800", "\\ud800")]
    [InlineData("\\uD83D\\uDE00\\uDE00", "\\uDE00")]
    [InlineData("\\ud83d\\u0041", "\\ud83d")]
    [InlineData("\\ud83", null)]
    public void Unpaired_surrogate_escapes_are_found_and_nothing_else(string text, string? found) =>
        Assert.Equal(found, UnpairedSurrogates.Find(Samples.Utf8("{\"a\":\"" + text + "\"}")));

    [Fact]
    public async Task Stix_confidence_written_as_a_string_is_read_and_one_out_of_range_is_refused_alone()
    {
        var response = await IngestAsync(EvidenceKind.Indicators, """
            {"type":"bundle","id":"bundle--1b6c1d1c-0000-4000-8000-000000000001","objects":[
              {"type":"indicator","spec_version":"2.1","id":"indicator--1b6c1d1c-0000-4000-8000-000000000002","pattern":"[ipv4-addr:value = '198.51.100.20']","pattern_type":"stix","valid_from":"2026-11-01T00:00:00Z","confidence":"90"},
              {"type":"indicator","spec_version":"2.1","id":"indicator--1b6c1d1c-0000-4000-8000-000000000003","pattern":"[ipv4-addr:value = '198.51.100.21']","pattern_type":"stix","valid_from":"2026-11-01T00:00:00Z","confidence":150},
              {"type":"indicator","spec_version":"2.1","id":"indicator--1b6c1d1c-0000-4000-8000-000000000004","pattern":"[domain-name:value = 'EVIL.Example.COM']","pattern_type":"stix","valid_from":"2026-11-01T00:00:00Z","confidence":{"score":5}}
            ]}
            """);

        Assert.Equal([201, 400, 400], response.Items.Select(i => i.Index.Status));
        Assert.Contains("[confidence]", response.Items[1].Index.Error!.Reason);
        await using var db = await DbAsync();
        Assert.Equal("High", (await db.Indicators.SingleAsync()).Confidence);
    }

    [Fact]
    public async Task Domain_indicators_are_one_whatever_their_case()
    {
        await IngestAsync(EvidenceKind.Indicators, """
            {"threat.indicator.type":"domain-name","threat.indicator.domain":"EVIL.Example.COM"}
            {"threat.indicator.type":"domain-name","threat.indicator.domain":"evil.example.com"}
            {"type":"indicator","spec_version":"2.1","id":"indicator--1b6c1d1c-0000-4000-8000-000000000005","pattern":"[domain-name:value = 'Other.Example']","pattern_type":"stix","valid_from":"2026-11-01T00:00:00Z"}
            """);

        await using var db = await DbAsync();
        Assert.Equal(["evil.example.com", "other.example"], await db.Indicators.OrderBy(i => i.Value).Select(i => i.Value).ToListAsync());
    }

    [Fact]
    public async Task Elasticsearch_bulk_action_lines_give_the_id_and_one_item_per_action()
    {
        var response = await IngestAsync(EvidenceKind.Events, """
            {"index":{"_index":"logs-endpoint","_id":"es-1"}}
            {"@timestamp":"2026-11-28T00:00:00Z","event":{"action":"start"},"host":{"name":"WS-1"}}
            {"create":{"_index":"logs-endpoint"}}
            {"@timestamp":"2026-11-28T00:00:01Z","event":{"id":"evt-2"},"host":{"name":"WS-2"}}
            {"delete":{"_id":"es-1"}}
            {"update":{"_id":"es-1"}}
            {"doc":{"message":"changed"}}
            {"index":{"_id":"es-1"}}
            {"@timestamp":"2026-11-28T00:00:02Z","event":{"action":"stop"},"host":{"name":"WS-1"}}
            {"index":{"_id":"not-json"}}
            {"message": oops}
            {"index":{}}
            """);

        Assert.Equal([(201, "es-1"), (201, "evt-2"), (400, "es-1"), (400, "es-1"), (200, "es-1"), (400, "not-json"), (400, null)],
            response.Items.Select(i => (i.Index.Status, i.Index.Id)));
        // Each item answers under its action's name, as Elasticsearch does.
        Assert.Equal(["index", "create", "delete", "update", "index", "index", "index"], response.Items.Select(i => i.Action));
        var wire = System.Text.Json.JsonSerializer.Serialize(response);
        Assert.Contains("{\"create\":{\"_id\":\"evt-2\",\"status\":201,\"result\":\"created\"}}", wire);
        Assert.Equal(response.Items, System.Text.Json.JsonSerializer.Deserialize<BulkResponse>(wire)!.Items);
        Assert.Contains("[delete] action is not supported", response.Items[2].Index.Error!.Reason);
        Assert.Contains("[update] action is not supported", response.Items[3].Index.Error!.Reason);
        Assert.Contains("not valid JSON", response.Items[5].Index.Error!.Reason);
        Assert.Contains("document line is missing", response.Items[6].Index.Error!.Reason);
        await using var db = await DbAsync();
        var stored = await db.SecurityEvents.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([("es-1", "stop"), ("evt-2", null)], stored.Select(e => (e.Id, e.EventAction)));
        Assert.DoesNotContain("\"index\"", stored[0].Document);
    }

    [Fact]
    public async Task A_document_that_only_looks_like_an_action_is_a_document()
    {
        var response = await IngestAsync(EvidenceKind.Events, """
            {"index":{"_id":"x"},"event":{"id":"has-more-keys"}}
            {"index":"not an object","event":{"id":"scalar-action"}}
            """);

        Assert.Equal(["has-more-keys", "scalar-action"], response.Items.Select(i => i.Index.Id!));
    }

    [Fact]
    public async Task Elastic_7_signals_keep_rule_severity_status_and_threat()
    {
        await IngestAsync(EvidenceKind.Alerts, """
            {"_id":"sig-1","@timestamp":"1764316800000","signal":{"status":"in-progress","reason":"old reason","rule":{"id":"rule-7","name":"Legacy rule","severity":"High","risk_score":73,"threat":{"framework":"MITRE ATT&CK","tactic":{"id":"TA0002","name":"Execution"},"technique":{"id":"T1059","name":"Command and Scripting Interpreter"}}}}}
            {"kibana.alert.uuid":"new-1","kibana.alert.workflow_status":"in-progress","kibana.alert.rule.name":"New rule","signal.rule.name":"Ignored legacy name"}
            """);

        await using var db = await DbAsync();
        var legacy = await db.Alerts.SingleAsync(a => a.Id == "sig-1");
        Assert.Equal(("Legacy rule", "rule-7", "high", 73.0, "acknowledged", "old reason"),
            (legacy.RuleName, legacy.RuleUuid, legacy.Severity, legacy.RiskScore, legacy.WorkflowStatus, legacy.Reason));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764316800000), legacy.Timestamp);
        Assert.StartsWith("[{", legacy.Threat);
        var current = await db.Alerts.SingleAsync(a => a.Id == "new-1");
        Assert.Equal(("New rule", "acknowledged"), (current.RuleName, current.WorkflowStatus));
    }

    [Fact]
    public async Task A_risk_score_outside_0_to_100_is_refused()
    {
        var response = await IngestAsync(EvidenceKind.Alerts, """
            {"kibana.alert.uuid":"r-100","kibana.alert.risk_score":100}
            {"kibana.alert.uuid":"r-150","kibana.alert.risk_score":150}
            {"kibana.alert.uuid":"r-huge","kibana.alert.risk_score":1.8e308}
            {"kibana.alert.uuid":"r-object","kibana.alert.risk_score":{"value":5}}
            """);

        Assert.Equal([201, 400, 400, 400], response.Items.Select(i => i.Index.Status));
        Assert.Contains("from 0 to 100", response.Items[1].Index.Error!.Reason);
    }

    [Fact]
    public async Task A_risk_score_that_is_not_a_number_is_refused_alone()
    {
        var response = await IngestAsync(EvidenceKind.Alerts, """
            {"kibana.alert.uuid":"nan-good","kibana.alert.risk_score":"21"}
            {"kibana.alert.uuid":"nan-bad","kibana.alert.risk_score":"NaN"}
            {"kibana.alert.uuid":"inf-bad","signal":{"rule":{"risk_score":"-Infinity"}}}
            """);

        Assert.Equal([201, 400, 400], response.Items.Select(i => i.Index.Status));
    }

    [Fact]
    public async Task A_broken_or_too_long_action_line_takes_its_document_line_with_it()
    {
        await using var small = await PortalServices.StartAsync(new() { ["Ingest:MaxLineBytes"] = "2000" });
        var longAction = "{\"index\":{\"_id\":\"big\",\"pad\":\"" + new string('p', 2500) + "\"}}";
        var body = string.Join("\r\n",
            "\uFEFF{\"index\":{\"_id\":\"bom-1\"}}", """{"message":"after a byte order mark"}""",
            """{"index":{"_id":"act\ud800"}}""", """{"message":"behind a broken action"}""",
            longAction, """{"message":"behind a long action"}""",
            """{"update":{"_id":"u"}}""", longAction.Replace("index", "doc"),
            """{"index":{"_id":"last"}}""", """{"message":"kept"}""");

        var result = await small.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Events, Samples.Utf8(body), CancellationToken.None);

        var items = result.Value!.Items.Select(i => i.Index).ToList();
        Assert.Equal([(201, "bom-1"), (400, null), (400, "big"), (400, "u"), (201, "last")], items.Select(i => (i.Status, i.Id)));
        Assert.Contains("[update] action is not supported", items[3].Error!.Reason);
        Assert.Contains("action line is not valid", items[1].Error!.Reason);
        Assert.Contains("Ingest:MaxLineBytes", items[2].Error!.Reason);
        await using var db = await small.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        Assert.Equal(["bom-1", "last"], await db.SecurityEvents.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
    }

    [Fact]
    public async Task Search_finds_paths_quotes_and_letters_beyond_ascii_in_any_case()
    {
        var ingested = await IngestAsync(EvidenceKind.Events, """
            {"_id":"path","process":{"executable":"C:\\Windows\\System32\\wevtutil.exe","command_line":"\"wevtutil.exe\" cl Security"}}
            {"_id":"umlaut","message":"Überwachung gestartet"}
            {"_id":"escaped","message":"Zo\u00eb \u00d8rsted"}
            {"_id":"url","url":{"full":"http:\/\/evil.example\/a"}}
            """);
        Assert.False(ingested.Errors);
        var queries = portal.Get<EvidenceQueries>();
        async Task<string[]> Find(string search) =>
            (await queries.FindEventsAsync(new EventQuery { Common = new() { Search = search } }, default)).Items.Select(e => e.Id).ToArray();

        Assert.Equal(["path"], await Find("wevtutil"));
        Assert.Equal(["path"], await Find("windows\\system32"));
        Assert.Equal(["path"], await Find("c:\\windows\\system32"));
        Assert.Equal(["path"], await Find("\"wevtutil.exe\" cl"));
        Assert.Equal(["umlaut"], await Find("über"));
        Assert.Equal(["escaped"], await Find("zoë ørsted"));
        Assert.Equal(["url"], await Find("http://evil.example/a"));
    }

    [Fact]
    public void Status_and_severity_filters_take_commas_and_any_case()
    {
        var parameters = new EvidenceFindParameters(new QueryCollection(new Dictionary<string, StringValues>
        {
            ["severity"] = "HIGH, critical",
            ["status"] = new(["open", "Acknowledged"]),
        }));

        var query = parameters.Alerts();

        Assert.Null(parameters.Problem);
        Assert.Equal(["high", "critical"], query.Severities);
        Assert.Equal(["high"], new EvidenceFindParameters(new QueryCollection(new Dictionary<string, StringValues> { ["severity"] = "[\"high\",null]" })).Alerts().Severities);
        Assert.Equal(["open", "acknowledged"], query.Statuses);
    }
}
