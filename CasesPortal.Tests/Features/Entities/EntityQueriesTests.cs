using CasesPortal.Features.Entities;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Tests.Features.Evidence;

namespace CasesPortal.Tests.Features.Entities;

[Trait(Layer.Name, Layer.Unit)]
public sealed class EntityQueriesTests : IAsyncLifetime
{
    private PortalServices portal = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        var ingest = portal.Get<EvidenceIngestService>();
        Assert.False((await ingest.IngestAsync(EvidenceKind.Alerts, Samples.Bytes(Samples.Alerts), default)).Value!.Errors);
        Assert.False((await ingest.IngestAsync(EvidenceKind.Events, Samples.Bytes(Samples.Events), default)).Value!.Errors);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private EntityQueries Queries => portal.Get<EntityQueries>();

    private static DateTimeOffset At(string time) => DateTimeOffset.Parse("2026-11-27T" + time + "Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Hosts_are_keyed_by_name_as_in_Elastic_with_os_and_ips_of_the_newest_document()
    {
        var hosts = await Queries.FindHostsAsync(new EntityQuery { Sort = EntitySort.Name, Descending = false }, default);

        // The search hit without host.id (WS-042 at 11:05) counts for WS-042 too.
        var ws = Assert.Single(hosts.Items, h => h.Key == "WS-042");
        Assert.Equal(("WS-042", 2, 3, "8f2c6a1e0b7d4f9a9e3c5b2d1a0f7e6c"), (ws.Name, ws.Events, ws.Alerts, ws.HostId));
        Assert.Equal((At("08:14:19.112"), At("11:05:00.000")), (ws.FirstSeen, ws.LastSeen));
        // The newest WS-042 document is the network alert; its OS has no version, unlike the older process alert.
        // web-03's newest event names no OS: the OS comes from its newest document that does.
        Assert.Equal("Windows 11 Pro", ws.Os);
        // DC-01's events carry no host.id, its alert does: one host all the same.
        Assert.Single(hosts.Items, h => h is { Key: "DC-01", Events: 2, Alerts: 1 });
        var web = Assert.Single(hosts.Items, h => h.Key == "web-03");
        Assert.Equal((2, 1, At("10:41:58.700"), "Ubuntu 22.04.4 LTS"), (web.Events, web.Alerts, web.LastSeen, web.Os));
        Assert.Equal(3, hosts.Total);
    }

    [Fact]
    public async Task Host_os_gets_its_version_and_ips_when_the_newest_document_has_them()
    {
        const string Newest = """
            {"@timestamp":"2026-11-27T12:00:00Z","event":{"id":"evt-os"},"host":{"id":"8f2c6a1e0b7d4f9a9e3c5b2d1a0f7e6c","name":"WS-042","os":{"family":"windows","version":"24H2"},"ip":["10.20.4.42","10.20.4.43"]}}
            """;
        await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Events, Samples.Utf8(Newest), default);

        var found = await Queries.FindHostsAsync(new EntityQuery { Search = "8f2c6a" }, default);

        var ws = Assert.Single(found.Items);
        Assert.Equal(("windows 24H2", "10.20.4.42,10.20.4.43", 3, 2), (ws.Os, ws.Ips, ws.Events, ws.Alerts));
    }

    [Fact]
    public async Task Hosts_sort_and_page_in_sql()
    {
        var byAlerts = await Queries.FindHostsAsync(new EntityQuery { Sort = EntitySort.Alerts, PerPage = 2 }, default);
        var second = await Queries.FindHostsAsync(new EntityQuery { Sort = EntitySort.Alerts, PerPage = 2, Page = 2 }, default);

        Assert.Equal(("WS-042", 3, 2), (byAlerts.Items[0].Name, byAlerts.Total, byAlerts.Items.Count));
        Assert.DoesNotContain(second.Items, h => byAlerts.Items.Any(f => f.Key == h.Key));
    }

    [Fact]
    public async Task One_host_summary_counts_everything_named_after_it()
    {
        var dc = await Queries.HostAsync("DC-01", default);

        Assert.NotNull(dc);
        Assert.Equal((2, 1, "Windows Server 2022"), (dc.Events, dc.Alerts, dc.Os));
        Assert.Equal((At("08:59:02.001"), At("09:02:47.930")), (dc.FirstSeen, dc.LastSeen));
        Assert.Null(await Queries.HostAsync("nowhere", default));
    }

    [Fact]
    public async Task Network_counts_flows_and_distinct_peers_per_address_and_side()
    {
        var ips = await Queries.FindIpsAsync(new EntityQuery { Sort = EntitySort.Flows, PerPage = 100 }, default);

        Assert.Contains(ips.Items, i => i is { Ip: "10.20.4.42", Direction: FlowDirection.Source, Flows: 1, Peers: 1 });
        Assert.Contains(ips.Items, i => i is { Ip: "203.0.113.7", Direction: FlowDirection.Destination, Flows: 1, Peers: 1 });
        // Two logons from the same address to nowhere: two flows, no peer.
        Assert.Contains(ips.Items, i => i is { Ip: "198.51.100.23", Direction: FlowDirection.Source, Flows: 2, Peers: 0 });
        Assert.Equal(6, ips.Total);
        Assert.Equal("198.51.100.23", ips.Items[0].Ip);
        var searched = await Queries.FindIpsAsync(new EntityQuery { Search = "10.30." }, default);
        Assert.Equal(["10.30.0.2", "10.30.1.13"], searched.Items.Select(i => i.Ip).Order());
    }

    [Fact]
    public async Task Users_count_events_alerts_hosts_and_their_last_logons()
    {
        var users = await Queries.FindUsersAsync(new EntityQuery { Sort = EntitySort.Name, Descending = false }, default);

        Assert.Equal(["ana.diaz", "root", "svc-backup", "www-data"], users.Items.Select(u => u.Name));
        var svc = users.Items[2];
        Assert.Equal((2, 1, 1), (svc.Events, svc.Alerts, svc.Hosts));
        Assert.Equal((At("09:02:47.930"), At("08:59:02.001")), (svc.LastLogonSuccess, svc.LastLogonFailure));
        var ana = users.Items[0];
        Assert.Equal((2, 3, 1, At("11:05:00")), (ana.Events, ana.Alerts, ana.Hosts, ana.LastSeen));
        Assert.Null(ana.LastLogonSuccess);
        Assert.Equal(At("10:41:58.700"), (await Queries.UserAsync("root", default))!.LastLogonFailure);
    }

    [Fact]
    public async Task Time_range_limits_what_is_counted()
    {
        var morning = await Queries.FindUsersAsync(new EntityQuery { From = At("09:00:00"), To = At("10:00:00") }, default);

        var svc = Assert.Single(morning.Items);
        Assert.Equal(("svc-backup", 1, 1), (svc.Name, svc.Events, svc.Alerts));
    }

    [Fact]
    public async Task Each_sort_search_and_time_range_counts_a_host_or_user_the_same_way()
    {
        // Distinct hosts are counted over all users when the list is sorted by them, for the page's users otherwise.
        var byName = await Queries.FindUsersAsync(new EntityQuery { Sort = EntitySort.Name, PerPage = 100 }, default);
        var byHosts = await Queries.FindUsersAsync(new EntityQuery { Sort = EntitySort.Hosts, PerPage = 100 }, default);
        Assert.Equal(byName.Items.OrderBy(u => u.Name), byHosts.Items.OrderBy(u => u.Name));
        Assert.Equal(byHosts.Items.Select(u => u.Hosts).OrderDescending(), byHosts.Items.Select(u => u.Hosts));

        // Names and ids stream from their own indexes without a search, and come from one pass with it.
        var all = await Queries.FindHostsAsync(new EntityQuery { PerPage = 100 }, default);
        var searched = await Queries.FindHostsAsync(new EntityQuery { Search = "ws-0", PerPage = 100 }, default);
        Assert.Equal(all.Items.Where(h => h.Key == "WS-042"), searched.Items);

        var morning = await Queries.FindHostsAsync(new EntityQuery { From = At("09:00:00"), To = At("10:00:00") }, default);
        Assert.Equal([("DC-01", 1, 1, At("09:02:47.930"))], morning.Items.Select(h => (h.Key, h.Events, h.Alerts, h.LastSeen)));
    }
}
