using Bunit;
using Bunit.Rendering;
using CasesPortal.Components.Shared;
using CasesPortal.Features.Cases.Files;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Timelines;
using CasesPortal.Tests.Features.Cases;
using Microsoft.AspNetCore.Components;

namespace CasesPortal.Tests.Features.Markdown;

[Trait(Layer.Name, Layer.Component)]
public sealed class MarkdownEditorComponentTests : PortalComponentTest
{
    private string value = "";

    /// <summary>Saved timelines of the test, as the timelines feature would list them.</summary>
    private sealed class ListedTimelines(params TimelineSummary[] timelines) : ITimelineDirectory
    {
        public Task<IReadOnlyList<TimelineSummary>> SearchAsync(string? text, int take, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<TimelineSummary>>(timelines
                .Where(t => string.IsNullOrEmpty(text) || t.Title.Contains(text, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(t => t.UpdatedAt).Take(take).ToList());

        public Task<IReadOnlyDictionary<string, string>> TitlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(timelines.Where(t => ids.Contains(t.Id)).ToDictionary(t => t.Id, t => t.Title));
    }

    private static readonly ListedTimelines Timelines = new(
        new TimelineSummary("tl-old", "Phishing wave, October", DateTimeOffset.Parse("2026-10-02T08:00:00Z")),
        new TimelineSummary("tl-new", "Lateral movement [WS-042]", DateTimeOffset.Parse("2026-11-20T08:00:00Z")));

    private IRenderedComponent<ContainerFragment> RenderEditor(string text, string? draftKey = null, string? caseId = null)
    {
        value = text;
        return RenderWithProviders<MarkdownEditor>((nameof(MarkdownEditor.Id), "notes"), (nameof(MarkdownEditor.Label), "Notes"),
            (nameof(MarkdownEditor.Value), text), (nameof(MarkdownEditor.ValueChanged), EventCallback.Factory.Create<string>(this, v => value = v)),
            (nameof(MarkdownEditor.DraftKey), draftKey), (nameof(MarkdownEditor.CaseId), caseId));
    }

    private void SelectInBrowser(string text, int start, int end) =>
        JSInterop.Setup<EditorText?>("casesPortalMarkdown.selection", "notes").SetResult(new EditorText(text, start, end));

    [Fact]
    public void Bold_wraps_the_selection_and_puts_the_selection_back_inside()
    {
        var cut = RenderEditor("Host WS-042 beaconed");
        SelectInBrowser("Host WS-042 beaconed", 5, 11);

        cut.Find(".markdown-tool-bold").Click();

        Assert.Equal("Host **WS-042** beaconed", value);
        var select = JSInterop.VerifyInvoke("casesPortalMarkdown.select");
        Assert.Equal(new object?[] { "notes", "Host **WS-042** beaconed", 7, 13, null }, select.Arguments);
    }

    [Theory]
    [InlineData("Bold", "a **b** c")]
    [InlineData("Italic", "a _b_ c")]
    [InlineData("Link", "a [b](https://) c")]
    public void Shortcuts_act_like_their_buttons(string shortcut, string expected)
    {
        var cut = RenderEditor("a b c");
        SelectInBrowser("a b c", 2, 3);

        cut.InvokeAsync(() => cut.FindComponent<MarkdownEditor>().Instance.OnShortcut(shortcut));

        Assert.Equal(expected, value);
    }

    [Fact]
    public void The_text_the_browser_holds_is_edited_even_when_the_server_has_not_seen_the_last_keystroke()
    {
        var cut = RenderEditor("- isolate");
        SelectInBrowser("- isolate\nreset", 10, 15);

        cut.Find(".markdown-tool-tasklist").Click();

        Assert.Equal("- isolate\n- [ ] reset", value);
    }

    [Fact]
    public void Defang_rewrites_only_the_selection_and_asks_for_one_when_there_is_none()
    {
        var cut = RenderEditor("C2 at http://evil.example/a and 10.0.0.1");
        SelectInBrowser("C2 at http://evil.example/a and 10.0.0.1", 6, 40);
        cut.Find(".markdown-tool-defang").Click();
        Assert.Equal("C2 at hxxp://evil[.]example/a and 10.0.0[.]1", value);

        SelectInBrowser(value, 3, 3);
        cut.Find(".markdown-tool-defang").Click();
        Assert.Contains("Select the URLs, domains or IPs", cut.Find("#notes-problem").TextContent);
    }

    [Fact]
    public void The_counter_says_how_far_past_the_limit_the_text_is()
    {
        var cut = RenderWithProviders<MarkdownEditor>((nameof(MarkdownEditor.Id), "notes"), (nameof(MarkdownEditor.Label), "Notes"),
            (nameof(MarkdownEditor.Value), new string('a', 30_012)));

        Assert.Equal("30,012 / 30,000 characters", cut.Find("#notes-counter").TextContent);
        Assert.Contains("12 characters over the limit", cut.Find("#notes-too-long").TextContent);
        Assert.True(cut.FindComponent<MarkdownEditor>().Instance.TooLong);
    }

    [Fact]
    public void Without_timelines_in_this_portal_there_is_no_timeline_button() =>
        Assert.Empty(RenderEditor("x").FindAll(".markdown-tool-timeline"));

    [Fact]
    public void The_timeline_picker_searches_newest_first_and_inserts_the_link_at_the_caret()
    {
        Services.AddSingleton<ITimelineDirectory>(Timelines);
        var cut = RenderEditor("Before after");
        SelectInBrowser("Before after", 7, 7);

        cut.Find(".markdown-tool-timeline").Click();
        cut.WaitForAssertion(() => Assert.Equal(["tl-new", "tl-old"], cut.FindAll(".timeline-picker-item").Select(i => i.GetAttribute("data-timeline-id"))));
        cut.Find("#timeline-picker-search").Input("lateral");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".timeline-picker-item")));
        cut.Find(".timeline-picker-item").Click();

        cut.WaitForAssertion(() =>
            Assert.Equal(@"Before [Lateral movement \[WS-042\]](http://localhost/timelines?timeline=(id:'tl-new',isOpen:!t))after", value));
        var html = MarkdownRenderer.ToHtml(value, new MarkdownRenderOptions(new Dictionary<string, string> { ["tl-new"] = "Lateral movement [WS-042]" }));
        Assert.Contains("href=\"/timelines/tl-new\"", html);
    }

    [Fact]
    public void The_timeline_link_uses_the_public_base_url_when_set()
    {
        Services.AddSingleton<ITimelineDirectory>(Timelines);
        Services.AddSingleton(new PublicLinks(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://soc.example/portal/" }).Build()));
        var cut = RenderEditor("");
        SelectInBrowser("", 0, 0);

        cut.Find(".markdown-tool-timeline").Click();
        cut.WaitForAssertion(() => cut.FindAll(".timeline-picker-item")[1].Click());

        cut.WaitForAssertion(() => Assert.Equal("[Phishing wave, October](https://soc.example/portal/timelines?timeline=(id:'tl-old',isOpen:!t))", value));
    }

    [Fact]
    public void A_draft_kept_in_the_browser_is_restored_and_can_be_discarded()
    {
        JSInterop.Setup<string?>("casesPortalMarkdown.loadDraft", "u1:c1:description").SetResult("Unsaved findings");
        var cut = RenderEditor("Saved text", draftKey: "u1:c1:description");

        cut.WaitForAssertion(() => Assert.Equal("Unsaved findings", value));
        Assert.Contains("Draft restored", cut.Find("#notes-draft").TextContent);

        cut.Find("#notes-discard-draft").Click();

        Assert.Equal("Saved text", value);
        JSInterop.VerifyInvoke("casesPortalMarkdown.clearDraft");
    }

    [Fact]
    public async Task A_pasted_screenshot_becomes_a_case_file_shown_at_the_caret()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var item = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Phishing page", "", []))).Value!;
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");
        var cut = RenderEditor("Login page:  done", caseId: item.Id);
        SelectInBrowser("Login page:  done", 12, 12);

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromBinary(png, "screenshot-1.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.StartsWith("Login page: ![screenshot-1.png](/cases/", value));
        var file = Assert.Single((await Portal.Get<CaseFileService>().ListAsync(item.Id))!);
        Assert.Equal($"Login page: ![screenshot-1.png](/cases/{item.Id}/files/{file.Id}/preview) done", value);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused()
    {
        var team = await CaseTeam.CreateAsync(Portal);
        var item = (await Portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase("Phishing page", "", []))).Value!;
        var cut = RenderEditor("", caseId: item.Id);

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("MZ", "dropper.exe", contentType: "application/octet-stream"));

        cut.WaitForAssertion(() => Assert.Contains("not an image", cut.Find("#notes-problem").TextContent));
        Assert.Empty((await Portal.Get<CaseFileService>().ListAsync(item.Id))!);
        Assert.Equal("", value);
    }
}
