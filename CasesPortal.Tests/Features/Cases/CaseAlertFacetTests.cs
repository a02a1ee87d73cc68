using System.Text;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Explore;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Features.Metrics;
using CasesPortal.Features.Metrics.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CasesPortal.Tests.Features.Cases;

/// <summary>
/// The per-case alert figures (users, hosts, rules, total) kept beside the links: every way links change — attach by
/// ids, by filter, with several indexes, remove, the alert sent again, the case deleted — leaves them equal to the
/// figures counted afresh from the links.
/// </summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class CaseAlertFacetTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
        await IngestAsync(
            Alert("a1", "2026-11-01T08:00:00Z", "h-1", "WS-042", "ana.diaz", "Beaconing"),
            Alert("a2", "2026-11-01T09:00:00Z", "h-1", "ws-042.corp", "ana.diaz", "Beaconing"),
            Alert("a3", "2026-11-01T07:00:00Z", null, "DC-01", "svc-backup", "Kerberoasting"),
            Alert("a4", "2026-11-01T06:00:00Z", null, "DC-01", null, "Kerberoasting"),
            Alert("a5", "2026-11-01T05:00:00Z", "h-9", null, "ana.diaz", null));
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private CaseEvidenceService Evidence => portal.Get<CaseEvidenceService>();

    [Fact]
    public async Task Removing_alerts_counts_them_out_and_drops_what_no_alert_holds_any_more()
    {
        var id = await NewCaseAsync();
        await Evidence.AttachAlertsAsync(team.Analyst, id, ["a1", "a2", "a3", "a4", "a5"]);
        Assert.Equal(Figures(5, ("ana.diaz", 3), ("svc-backup", 1)), await UsersAsync(id));
        Assert.Equal([new EntityCount("ws-042.corp", "h-1", 2), new EntityCount("DC-01", null, 2), new EntityCount("h-9", "h-9", 1)], (await HostsAsync(id)).Top);

        Assert.True((await Evidence.DetachAlertsAsync(team.Analyst, id, ["a2", "a3"])).Succeeded);

        Assert.Equal(Figures(3, ("ana.diaz", 2)), await UsersAsync(id));
        Assert.Equal([new EntityCount("WS-042", "h-1", 1), new EntityCount("h-9", "h-9", 1), new EntityCount("DC-01", null, 1)], (await HostsAsync(id)).Top);
        await AssertAgreesWithLinksAsync();

        Assert.True((await Evidence.DetachAlertsAsync(team.Analyst, id, ["a1", "a4", "a5"])).Succeeded);
        Assert.Equal(0, (await portal.Get<CaseMetricsService>().ForCaseAsync(id, CaseMetricFeatures.OfOneCase))!.AlertCount);
        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        Assert.False(await db.CaseAlertFacets.AnyAsync(f => f.CaseId == id));
    }

    [Fact]
    public async Task An_alert_sent_again_with_another_user_host_or_rule_moves_in_every_case_holding_it()
    {
        var first = await NewCaseAsync();
        var second = await NewCaseAsync("Second look");
        await Evidence.AttachAlertsAsync(team.Analyst, first, ["a1", "a3"]);
        await Evidence.AttachAlertsAsync(team.Analyst, second, ["a1"]);

        await IngestAsync(
            Alert("a1", "2026-11-02T08:00:00Z", "h-7", "WS-777", "bob.lee", "Credential dumping"),
            Alert("a3", "2026-11-01T07:00:00Z", null, "DC-01", "svc-backup", "Kerberoasting"),
            Alert("a9", "2026-11-03T07:00:00Z", "h-1", "WS-042", "eve", "Beaconing"));

        Assert.Equal(Figures(2, ("bob.lee", 1), ("svc-backup", 1)), await UsersAsync(first));
        Assert.Equal(Figures(1, ("bob.lee", 1)), await UsersAsync(second));
        Assert.Equal([new EntityCount("WS-777", "h-7", 1)], (await HostsAsync(second)).Top);
        await AssertAgreesWithLinksAsync();
    }

    [Fact]
    public async Task Attaching_by_filter_or_with_several_indexes_counts_each_new_alert_once()
    {
        var id = await NewCaseAsync();
        await Evidence.AttachAlertsAsync(team.Analyst, id, ["a1"]);
        var byFilter = await Evidence.AttachAsync(team.Analyst, id,
            EvidenceSelection.Matching(new AlertQuery { Common = new EvidenceQuery { Hosts = ["WS-042", "ws-042.corp", "DC-01"] } }));
        Assert.Equal(3, byFilter.Value);
        var byRefs = await Evidence.AttachAsync(team.Analyst, id, EvidenceSelection.Of(CaseEvidenceKind.Alerts,
            [new EvidenceRef("a4", ".alerts-a"), new EvidenceRef("a5", ".alerts-b")]));
        Assert.Equal(1, byRefs.Value);

        Assert.Equal(Figures(5, ("ana.diaz", 3), ("svc-backup", 1)), await UsersAsync(id));
        Assert.Equal(5, (await portal.Get<CaseQueries>().GetAsync(id))!.TotalAlerts);
        await AssertAgreesWithLinksAsync();
    }

    [Fact]
    public async Task The_dashboard_counts_each_case_once_per_rule_of_its_alerts()
    {
        var one = await NewCaseAsync();
        var two = await NewCaseAsync("Kerberos");
        await Evidence.AttachAlertsAsync(team.Analyst, one, ["a1", "a2", "a3"]);
        await Evidence.AttachAlertsAsync(team.Analyst, two, ["a4"]);

        var now = portal.Clock.GetUtcNow();
        var figures = await portal.Get<DashboardService>().GetAsync(new DashboardQuery(now.AddDays(-1), now.AddDays(1)));

        Assert.Equal([("Kerberoasting", 2), ("Beaconing", 1)], figures.Rules.Select(r => (r.Rule, r.Cases)).ToList());
    }

    [Trait(TestProvider.Trait, TestProvider.Sqlite)]
    [Fact]
    public async Task Upgrading_a_portal_counts_the_alerts_already_attached()
    {
        var id = await NewCaseAsync();
        await Evidence.AttachAlertsAsync(team.Analyst, id, ["a1", "a2", "a3", "a4", "a5"]);
        var before = await HostsAsync(id);

        await using (var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261128222802_DuplicateOfIndex");
            await migrator.MigrateAsync();
        }

        var after = await HostsAsync(id);
        Assert.Equal(before.Total, after.Total);
        Assert.Equal(before.Top, after.Top);
        Assert.Equal(Figures(5, ("ana.diaz", 3), ("svc-backup", 1)), await UsersAsync(id));
        await AssertAgreesWithLinksAsync();
    }

    /// <summary>Every stored figure equals the one counted afresh from the links and the alerts.</summary>
    private async Task AssertAgreesWithLinksAsync()
    {
        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        var stored = await db.CaseAlertFacets.AsNoTracking().OrderBy(f => f.CaseId).ThenBy(f => f.Kind).ThenBy(f => f.Key).ThenBy(f => f.Name)
            .Select(f => new { f.CaseId, f.Kind, f.Key, f.Name, f.Alerts }).ToListAsync();
        var links = await db.CaseAlerts.Join(db.Alerts, l => l.AlertId, a => a.Id, (l, a) => new { l.CaseId, a.UserName, a.HostId, a.HostName, a.RuleName }).ToListAsync();
        var counted = links.SelectMany(l => new (AlertFacetKind Kind, string? Key, string Name)[]
            {
                (AlertFacetKind.All, "", ""),
                (AlertFacetKind.User, string.IsNullOrEmpty(l.UserName) ? null : l.UserName, ""),
                (AlertFacetKind.Host, !string.IsNullOrEmpty(l.HostId) ? l.HostId : string.IsNullOrEmpty(l.HostName) ? null : "name:" + l.HostName, l.HostName ?? ""),
                (AlertFacetKind.Rule, l.RuleName, ""),
            }.Where(f => f.Key is not null).Select(f => new { l.CaseId, f.Kind, Key = f.Key!, f.Name }))
            .GroupBy(f => f).Select(g => new { g.Key.CaseId, g.Key.Kind, g.Key.Key, g.Key.Name, Alerts = g.Count() })
            .OrderBy(f => f.CaseId, StringComparer.Ordinal).ThenBy(f => f.Kind).ThenBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(counted.Select(f => f.ToString()), stored.OrderBy(f => f.CaseId, StringComparer.Ordinal).ThenBy(f => f.Kind)
            .ThenBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => f.ToString()));
    }

    /// <summary>"5 alerts: ana.diaz 3, svc-backup 1": the alert count and the busiest users, as the summary bar shows them.</summary>
    private static string Figures(int alerts, params (string Name, int Count)[] users) =>
        $"{alerts} alerts: {string.Join(", ", users.Select(u => $"{u.Name} {u.Count}"))}";

    private async Task<string> UsersAsync(string caseId)
    {
        var figures = (await portal.Get<CaseMetricsService>().ForCaseAsync(caseId, CaseMetricFeatures.OfOneCase))!;
        Assert.Equal(figures.Users!.Top.Count, figures.Users.Total);
        Assert.All(figures.Users.Top, u => Assert.Null(u.Id));
        return Figures(figures.AlertCount!.Value, figures.Users.Top.Select(u => (u.Name, u.Count)).ToArray());
    }

    private async Task<EntityFigures> HostsAsync(string caseId) =>
        (await portal.Get<CaseMetricsService>().ForCaseAsync(caseId, CaseMetricFeatures.OfOneCase))!.Hosts!;

    private async Task<string> NewCaseAsync(string title = "Beaconing from WS-042") =>
        (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase(title, ""))).Value!.Id;

    private async Task IngestAsync(params string[] lines)
    {
        var result = await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Alerts, Encoding.UTF8.GetBytes(string.Join('\n', lines)), CancellationToken.None);
        Assert.False(result.Value!.Errors);
    }

    private static string Alert(string id, string timestamp, string? hostId, string? hostName, string? user, string? rule)
    {
        var host = new[] { hostId is null ? null : $"\"host.id\":\"{hostId}\"", hostName is null ? null : $"\"host.name\":\"{hostName}\"" };
        var fields = new[] { $"\"@timestamp\":\"{timestamp}\"", $"\"kibana.alert.uuid\":\"{id}\"", rule is null ? null : $"\"kibana.alert.rule.name\":\"{rule}\"",
            user is null ? null : $"\"user.name\":\"{user}\"" }.Concat(host).Where(f => f is not null);
        return "{" + string.Join(",", fields) + "}";
    }
}
