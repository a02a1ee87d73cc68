using System.Text.Json.Nodes;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Connectors;
using CasesPortal.Features.Connectors.Model;
using CasesPortal.Features.Connectors.Push;

namespace CasesPortal.Tests.Features.Connectors;

/// <summary>
/// A comment whose answer was lost (the system added it, the reply never came) is not added again when the push is
/// resumed: the incident's comments are read first and the comment is recognised by its marker.
/// </summary>
[Trait(Layer.Name, Layer.Unit)]
public sealed class CommentRetryTests : IAsyncLifetime
{
    private ConnectorTestKit kit = default!;

    // Every test here has a fake answer late on purpose.
    public async Task InitializeAsync() => kit = await ConnectorTestKit.StartAsync(ConnectorTestKit.ShortAttemptTimeout);

    public async Task DisposeAsync() => await kit.DisposeAsync();

    private Task<ServiceResult<CommentView>> CommentAsync(string caseId, string text)
    {
        kit.Portal.Clock.Advance(TimeSpan.FromMinutes(1));
        return kit.Portal.Get<CommentService>().AddAsync(kit.Team.Analyst, caseId, text);
    }

    private async Task<PushState> ResumeAsync(string caseId)
    {
        Assert.Equal(1, await kit.Portal.Get<PushRunner>().RunDueAsync(default));
        return (await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(caseId)).Single().OutboxState!.Value;
    }

    [Fact]
    public async Task A_Jira_comment_whose_answer_was_lost_is_found_among_the_issue_comments_and_not_posted_twice()
    {
        await using var jira = await FakeJira.StartAsync();
        var connectorId = await kit.JiraConnectorAsync(jira);
        var item = await kit.CaseAsync();
        Assert.Equal(PushState.Succeeded, (await kit.PushAsync(item.Id, connectorId)).Value!.State);
        var first = (await CommentAsync(item.Id, "Isolated the host.")).Value!;
        await CommentAsync(item.Id, "Collected memory.");
        jira.Outage.Enqueue("ok");         // the update
        jira.Outage.Enqueue("ok");         // the first comment
        jira.Outage.Enqueue("timeout");    // the second comment: added, answered too late

        Assert.Equal(PushState.Pending, (await kit.PushAsync(item.Id, connectorId)).Value!.State);
        Assert.Equal(2, jira.Comments["SOC-1"].Count);
        Assert.Equal(PushState.Succeeded, await ResumeAsync(item.Id));

        Assert.Equal(2, jira.Comments["SOC-1"].Count);
        Assert.Contains(jira.Requests, r => r == "GET /rest/api/2/issue/SOC-1/comment?startAt=0&maxResults=100");
        Assert.Equal(2, jira.Requests.Count(r => r == "POST /rest/api/2/issue/SOC-1/comment"));
        Assert.False((await kit.Portal.Get<ExternalIncidentQueries>().ForCaseAsync(item.Id)).Single().NeedsUpdate);

        // An edit is a new version: it is sent again, once.
        kit.Portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await kit.Portal.Get<CommentService>().UpdateAsync(kit.Team.Analyst, item.Id, first.Id, first.Version, "Isolated the host and reset its password.")).Succeeded);
        Assert.Equal(PushState.Succeeded, (await kit.PushAsync(item.Id, connectorId)).Value!.State);
        Assert.Equal(3, jira.Comments["SOC-1"].Count);
        Assert.Equal("Isolated the host and reset its password.\n\nAdded by Ana Diaz.", jira.Comments["SOC-1"][2]);
    }

    [Fact]
    public async Task A_ServiceNow_work_note_whose_answer_was_lost_is_found_in_the_journal_and_not_added_twice()
    {
        await using var system = await FakeSystem.StartAsync();
        var table = new FakeServiceNowTable("incident", "svc", "pw");
        system.Answer = table.Answer;
        var connectorId = await kit.ServiceNowConnectorAsync(system);
        var item = await kit.CaseAsync();
        var sysId = (await kit.PushAsync(item.Id, connectorId)).Value!.External!.Id;
        await CommentAsync(item.Id, "Blocked the sender.");
        system.Outage.Enqueue("ok");         // the update
        system.Outage.Enqueue("timeout");    // the work note: added, answered too late (a PATCH that appends is not re-sent at once)

        Assert.Equal(PushState.Pending, (await kit.PushAsync(item.Id, connectorId)).Value!.State);
        Assert.Equal(PushState.Succeeded, await ResumeAsync(item.Id));

        Assert.StartsWith("Blocked the sender.", Assert.Single(table.WorkNotes[sysId]));
        Assert.Contains(system.Requests, r => r.Method == "GET" && r.PathAndQuery ==
            $"/api/now/v2/table/sys_journal_field?sysparm_query=name%3Dincident%5Eelement_id%3D{sysId}%5Eelement%3Dwork_notes&sysparm_fields=value");
    }

    [Fact]
    public async Task Where_the_journal_cannot_be_read_a_work_note_whose_answer_was_lost_is_sent_again_and_the_push_still_completes()
    {
        await using var system = await FakeSystem.StartAsync();
        var table = new FakeServiceNowTable("incident", "svc", "pw") { JournalReadable = false };
        system.Answer = table.Answer;
        var connectorId = await kit.ServiceNowConnectorAsync(system);
        var item = await kit.CaseAsync();
        var sysId = (await kit.PushAsync(item.Id, connectorId)).Value!.External!.Id;
        await CommentAsync(item.Id, "Blocked the sender.");
        system.Outage.Enqueue("ok");
        system.Outage.Enqueue("timeout");

        Assert.Equal(PushState.Pending, (await kit.PushAsync(item.Id, connectorId)).Value!.State);
        Assert.Equal(PushState.Succeeded, await ResumeAsync(item.Id));
        Assert.Equal(2, table.WorkNotes[sysId].Count);                   // at least once, rather than lost
    }

    [Fact]
    public async Task A_Resilient_comment_whose_answer_was_lost_is_found_among_the_incident_comments_and_not_posted_twice()
    {
        await using var system = await FakeSystem.StartAsync();
        var org = new FakeResilientOrg("201", "key", "secret");
        system.Answer = org.Answer;
        var connectorId = await kit.ResilientConnectorAsync(system);
        var item = await kit.CaseAsync();
        var incidentId = (await kit.PushAsync(item.Id, connectorId)).Value!.External!.Id;
        await CommentAsync(item.Id, "Reset the admin password.");
        system.Outage.Enqueue("ok");         // the fresh read
        system.Outage.Enqueue("ok");         // the changes
        system.Outage.Enqueue("timeout");    // the comment: added, answered too late

        Assert.Equal(PushState.Pending, (await kit.PushAsync(item.Id, connectorId)).Value!.State);
        Assert.Equal(PushState.Succeeded, await ResumeAsync(item.Id));

        Assert.StartsWith("Reset the admin password.", Assert.Single(org.Comments[incidentId]));
        Assert.Contains(system.Requests, r => r.Method == "GET" && r.PathAndQuery == $"/rest/orgs/201/incidents/{incidentId}/comments?text_content_output_format=always_text");
    }
}
