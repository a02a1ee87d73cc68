using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;
using CasesPortal.Features.Timelines;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Features.Timelines.Query;
using CasesPortal.Tests.Features.Cases;
using CasesPortal.Tests.Features.Evidence;

namespace CasesPortal.Tests.Features.Timelines;

[Trait(Layer.Name, Layer.Unit)]
public sealed class TimelineServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CaseTeam team = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        team = await CaseTeam.CreateAsync(portal);
        Assert.True((await portal.Get<EvidenceIngestService>().IngestAsync(EvidenceKind.Events, Samples.Bytes(Samples.Events), CancellationToken.None)).Succeeded);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private TimelineService Timelines => portal.Get<TimelineService>();

    private async Task<TimelineView> CreateAsync(string title = "PowerShell on WS-042", string query = "host.name:WS-042") =>
        (await Timelines.CreateAsync(team.Analyst, new TimelineInput
        {
            Title = title, Query = query, Range = TimelineRange.AllTime,
            Filters = [new TimelineFilter("event.outcome", TimelineFilter.Is, ["success"])],
        })).Value!;

    [Fact]
    public async Task Saves_and_reads_back_every_part_of_a_timeline()
    {
        var created = await CreateAsync();
        var read = (await Timelines.GetAsync(created.Id))!;
        Assert.Equal(("PowerShell on WS-042", "host.name:WS-042", "All time"), (read.Title, read.Query, read.Range.Label));
        Assert.Equal([new TimelineFilter("event.outcome", TimelineFilter.Is, ["success"])], read.Filters.ToList(), new FilterComparer());
        Assert.Equal(TimelineView.DefaultColumns, read.Columns);
        Assert.Equal("Ana Diaz", read.CreatedBy.DisplayName);
        Assert.Equal(portal.Clock.GetUtcNow(), read.CreatedAt);
    }

    [Fact]
    public async Task A_change_needs_the_version_read_and_a_stale_one_is_a_conflict()
    {
        var created = await CreateAsync();
        var changed = await Timelines.UpdateAsync(team.Lead, created.Id, created.Version, new TimelineInput { Title = "Renamed", Range = TimelineRange.Last("7d") });
        Assert.True(changed.Succeeded, changed.Error?.Message);
        Assert.Equal(("Renamed", "7d", "Maya Okafor"), (changed.Value!.Title, changed.Value.Range.Relative, changed.Value.UpdatedBy.DisplayName));
        Assert.NotEqual(created.Version, changed.Value.Version);

        var stale = await Timelines.UpdateAsync(team.Analyst, created.Id, created.Version, new TimelineInput { Title = "Mine" });
        Assert.Equal(409, stale.Error!.Status);
        Assert.Equal("Renamed", (await Timelines.GetAsync(created.Id))!.Title);
        Assert.Equal(400, (await Timelines.UpdateAsync(team.Analyst, created.Id, null, new TimelineInput { Title = "x" })).Error!.Status);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_the_reason()
    {
        async Task<string> Refused(TimelineInput input) => (await Timelines.CreateAsync(team.Analyst, input)).Error!.Message;
        Assert.Contains("title is required", await Refused(new TimelineInput()));
        Assert.Contains("at character 11", await Refused(new TimelineInput { Title = "t", Query = "host.name:" }));
        Assert.Contains("at most 200", await Refused(new TimelineInput { Title = new string('t', 201) }));
        Assert.Contains("operator", await Refused(new TimelineInput { Title = "t", Filters = [new TimelineFilter("host.name", "like", ["x"])] }));
        Assert.Contains("relative", await Refused(new TimelineInput { Title = "t", Range = TimelineRange.Last("2w") }));
        Assert.Contains("not a field name", await Refused(new TimelineInput { Title = "t", Columns = ["a b"] }));
    }

    [Fact]
    public async Task Viewers_read_but_never_write()
    {
        var created = await CreateAsync();
        Assert.Equal(403, (await Timelines.CreateAsync(team.Viewer, new TimelineInput { Title = "t" })).Error!.Status);
        Assert.Equal(403, (await Timelines.UpdateAsync(team.Viewer, created.Id, created.Version, new TimelineInput { Title = "t" })).Error!.Status);
        Assert.Equal(403, (await Timelines.PinAsync(team.Viewer, created.Id, "evt-proc-0001")).Error!.Status);
        Assert.Equal(403, (await Timelines.DeleteAsync(team.Viewer, created.Id)).Error!.Status);
        Assert.NotNull(await Timelines.GetAsync(created.Id));
    }

    [Fact]
    public async Task Pins_and_notes_are_kept_and_an_unknown_event_is_refused()
    {
        var created = await CreateAsync();
        Assert.True((await Timelines.PinAsync(team.Analyst, created.Id, "evt-proc-0001")).Succeeded);
        Assert.True((await Timelines.PinAsync(team.Analyst, created.Id, "evt-proc-0001")).Succeeded);
        Assert.Equal(400, (await Timelines.PinAsync(team.Analyst, created.Id, "no-such-event")).Error!.Status);
        await Timelines.AddNoteAsync(team.Analyst, created.Id, null, "Encoded **PowerShell** from Word.");
        await Timelines.AddNoteAsync(team.Analyst, created.Id, "evt-proc-0001", "Parent is winword.exe");
        var read = (await Timelines.GetAsync(created.Id))!;
        Assert.Equal(["evt-proc-0001"], read.Pins.Select(p => p.EventId));
        Assert.Equal([(null, "Encoded **PowerShell** from Word."), ("evt-proc-0001", "Parent is winword.exe")],
            read.Notes.Select(n => (n.EventId, n.Text)).ToList());

        await Timelines.PinAsync(team.Analyst, created.Id, "evt-proc-0001", pinned: false);
        Assert.Empty((await Timelines.GetAsync(created.Id))!.Pins);
    }

    [Fact]
    public async Task The_directory_searches_titles_newest_first_and_names_known_ids()
    {
        var older = await CreateAsync("Lateral movement");
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await CreateAsync("Lateral movement, day 2");
        await CreateAsync("Phishing", query: "user.name:ana");
        var directory = portal.Get<ITimelineDirectory>();
        Assert.Equal([newer.Id, older.Id], (await directory.SearchAsync("lateral", 10)).Select(t => t.Id));
        var titles = await directory.TitlesAsync([older.Id, "missing"]);
        Assert.Equal(new Dictionary<string, string> { [older.Id] = "Lateral movement" }, titles);
        Assert.Equal(2, (await Timelines.FindAsync("Lateral")).Total);
    }

    [Fact]
    public async Task The_list_also_finds_a_timeline_by_its_description_or_query()
    {
        var byDescription = await CreateAsync("Week 48 review", query: "");
        await Timelines.UpdateAsync(team.Analyst, byDescription.Id, byDescription.Version,
            new TimelineInput { Title = byDescription.Title, Description = "Beaconing from the **finance** subnet", Query = "" });
        var byQuery = await CreateAsync("Logons", query: "host.name:FIN-DC-01 and event.outcome:failure");
        await CreateAsync("Phishing", query: "user.name:ana");

        var (found, total) = await Timelines.FindAsync("FIN");

        Assert.Equal(2, total);
        Assert.Equal(new[] { byDescription.Id, byQuery.Id }.Order(), found.Select(t => t.Id).Order());
    }

    [Fact]
    public async Task Attaching_keeps_a_snapshot_writes_one_history_line_and_survives_later_changes()
    {
        var created = await CreateAsync();
        await Timelines.PinAsync(team.Analyst, created.Id, "evt-net-0002");
        var caseId = (await portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Case with a timeline", "", []))).Value!.Id;
        var changes = new List<CaseChanged>();
        portal.Get<CaseEvents>().Changed += change => { changes.Add(change); return Task.CompletedTask; };

        var attached = await portal.Get<CaseTimelineService>().AttachAsync(team.Analyst, caseId, created.Id);
        Assert.True(attached.Succeeded, attached.Error?.Message);
        await Timelines.UpdateAsync(team.Analyst, created.Id, created.Version, new TimelineInput { Title = "Changed later", Query = "" });

        var listed = Assert.Single(await portal.Get<CaseTimelineService>().ListAsync(caseId));
        Assert.Equal(("PowerShell on WS-042", "host.name:WS-042", 2, false), (listed.Snapshot.Title, listed.Snapshot.Query, listed.Snapshot.EventCount, listed.Snapshot.EventCountIsAtLeast));
        Assert.Equal(["evt-net-0002"], listed.Snapshot.PinnedEventIds);
        Assert.Equal("success", Assert.Single(listed.Snapshot.Filters).Values[0]);
        Assert.Single(changes, c => c.CaseId == caseId);

        var (history, _) = await portal.Get<ActivityQueries>().FindAsync(caseId, [CaseActions.Attachment], false, 1, 20);
        Assert.Contains("\"timelines\":1", Assert.Single(history).Payload);

        Assert.True((await portal.Get<CaseTimelineService>().DetachAsync(team.Analyst, caseId, listed.Id)).Succeeded);
        Assert.Empty(await portal.Get<CaseTimelineService>().ListAsync(caseId));
        Assert.Equal(2, (await portal.Get<ActivityQueries>().FindAsync(caseId, [CaseActions.Attachment], false, 1, 20)).Item1.Count);
        Assert.Equal(403, (await portal.Get<CaseTimelineService>().AttachAsync(team.Viewer, caseId, created.Id)).Error!.Status);
        Assert.Equal(400, (await portal.Get<CaseTimelineService>().AttachAsync(team.Analyst, caseId, "missing")).Error!.Status);
    }

    private sealed class FilterComparer : IEqualityComparer<TimelineFilter>
    {
        public bool Equals(TimelineFilter? x, TimelineFilter? y) => x is not null && y is not null && x.ToString() == y.ToString() && x.Disabled == y.Disabled;
        public int GetHashCode(TimelineFilter obj) => obj.ToString().GetHashCode();
    }

    [Fact]
    public async Task A_note_is_deleted_by_its_author_or_a_lead_and_nobody_else()
    {
        var timeline = await CreateAsync();
        var first = (await Timelines.AddNoteAsync(team.Analyst, timeline.Id, null, "Logon from the VPN range")).Value!;
        var second = (await Timelines.AddNoteAsync(team.Analyst, timeline.Id, "winsec-4624-000342", "Service account")).Value!;

        Assert.Equal(403, (await Timelines.DeleteNoteAsync(team.OtherAnalyst, timeline.Id, first.Id)).Error!.Status);
        Assert.Equal(403, (await Timelines.DeleteNoteAsync(team.Viewer, timeline.Id, first.Id)).Error!.Status);
        Assert.Equal(404, (await Timelines.DeleteNoteAsync(team.Analyst, "another-timeline", first.Id)).Error!.Status);
        Assert.True((await Timelines.DeleteNoteAsync(team.Analyst, timeline.Id, first.Id)).Succeeded);
        Assert.True((await Timelines.DeleteNoteAsync(team.Lead, timeline.Id, second.Id)).Succeeded);
        Assert.Equal(404, (await Timelines.DeleteNoteAsync(team.Lead, timeline.Id, second.Id)).Error!.Status);
        Assert.Empty((await Timelines.GetAsync(timeline.Id))!.Notes);
    }

    [Fact]
    public async Task The_sort_is_saved_with_the_timeline_and_only_indexed_fields_sort()
    {
        var timeline = await CreateAsync();
        Assert.Equal((KqlFields.Timestamp, false), (timeline.SortField, timeline.SortAscending));
        var sorted = await Timelines.UpdateAsync(team.Analyst, timeline.Id, timeline.Version, new TimelineInput { SortField = "user.name", SortAscending = true });
        Assert.Equal(("user.name", true), (sorted.Value!.SortField, sorted.Value.SortAscending));
        Assert.Equal(("user.name", true), ((await Timelines.GetAsync(timeline.Id))!.SortField, sorted.Value.Search(portal.Clock.GetUtcNow()).Ascending));

        var refused = await Timelines.UpdateAsync(team.Analyst, timeline.Id, sorted.Value.Version, new TimelineInput { SortField = "event.code" });
        Assert.Contains("sortField must be one of the indexed fields", refused.Error!.Message);
    }

    [Fact]
    public async Task Title_and_description_change_with_limits_and_a_stale_version_is_refused()
    {
        var timeline = await CreateAsync();
        Assert.Contains("at most 200", (await Timelines.UpdateAsync(team.Analyst, timeline.Id, timeline.Version, new TimelineInput { Title = new string('x', 201) })).Error!.Message);
        Assert.Contains("must not be empty", (await Timelines.UpdateAsync(team.Analyst, timeline.Id, timeline.Version, new TimelineInput { Title = "  " })).Error!.Message);
        var changed = await Timelines.UpdateAsync(team.Analyst, timeline.Id, timeline.Version, new TimelineInput { Title = "Renamed", Description = "**Why**" });
        Assert.Equal(("Renamed", "**Why**"), (changed.Value!.Title, changed.Value.Description));
        Assert.Equal(409, (await Timelines.UpdateAsync(team.OtherAnalyst, timeline.Id, timeline.Version, new TimelineInput { Title = "Late" })).Error!.Status);
    }
}
