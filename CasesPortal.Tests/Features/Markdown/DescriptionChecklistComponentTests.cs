using Bunit;
using CasesPortal.Components.Shared;
using CasesPortal.Features.Cases.Detail;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Tests.Features.Cases;

namespace CasesPortal.Tests.Features.Markdown;

[Trait(Layer.Name, Layer.Component)]
public sealed class DescriptionChecklistComponentTests : PortalComponentTest
{
    private const string Checklist = "Containment:\n\n- [ ] isolate WS-042\n- [ ] reset the password";

    private async Task<(CaseTeam Team, CaseView Case)> CaseWithChecklistAsync()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        return (team, (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Phishing on WS-042", Checklist, []))).Value!);
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderDescription(CaseView item, CaseActor actor, List<ServiceError?> refusals) =>
        RenderWithProviders<CaseDescription>((nameof(CaseDescription.Case), item), (nameof(CaseDescription.Actor), actor),
            (nameof(CaseDescription.SaveDraft), (CaseSave)(async changes =>
            {
                var result = await Portal.Get<CaseService>().UpdateAsync(actor, [changes]);
                refusals.Add(result.Error);
                return result.Error;
            })));

    [Fact]
    public async Task Ticking_a_checkbox_saves_the_description_with_the_version_shown_and_writes_history()
    {
        var (team, item) = await CaseWithChecklistAsync();
        var refusals = new List<ServiceError?>();
        var cut = RenderDescription(item, team.Analyst, refusals);
        Assert.All(cut.FindAll(".task-list-checkbox"), box => Assert.False(box.HasAttribute("disabled")));

        var saved = await cut.InvokeAsync(() => cut.FindComponent<MarkdownView>().Instance.OnTaskTickedAsync(1, true));

        Assert.True(saved);
        var after = (await Portal.Get<CaseQueries>().GetAsync(item.Id))!;
        Assert.Equal("Containment:\n\n- [ ] isolate WS-042\n- [x] reset the password", after.Description);
        var (history, _) = await Portal.Get<ActivityQueries>().FindAsync(item.Id, ["description"], newestFirst: true, 1, 10);
        Assert.Contains("[x] reset the password", history[0].Payload);

        // The page still shows the old version: a second tick from it is refused, not merged.
        var stale = await cut.InvokeAsync(() => cut.FindComponent<MarkdownView>().Instance.OnTaskTickedAsync(0, true));
        Assert.False(stale);
        Assert.Equal(409, refusals[^1]!.Status);
    }

    [Fact]
    public async Task A_viewer_sees_the_checklist_read_only_and_the_server_refuses_a_tick()
    {
        var (team, item) = await CaseWithChecklistAsync();
        var cut = RenderDescription(item, team.Viewer, []);

        Assert.Equal(2, cut.FindAll(".task-list-checkbox[disabled]").Count);
        var forged = await Portal.Get<CaseService>().UpdateAsync(team.Viewer,
            [new CaseChanges(item.Id, item.Version) { Description = Checklist.Replace("- [ ] isolate", "- [x] isolate", StringComparison.Ordinal) }]);
        Assert.Equal(403, forged.Error!.Status);
        Assert.Equal(Checklist, (await Portal.Get<CaseQueries>().GetAsync(item.Id))!.Description);
    }
}
