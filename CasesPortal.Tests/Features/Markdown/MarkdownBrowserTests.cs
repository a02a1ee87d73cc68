using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Features.Markdown;

[Trait(Layer.Name, Layer.Browser)]
public sealed class MarkdownBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int PerCase = 15;

    // Every element of rendered Markdown, and every link on the page, checked for anything that could run.
    private const string DangerousDom = """
        () => {
            const bad = [];
            for (const el of document.querySelectorAll('.markdown-body, .markdown-body *')) {
                for (const a of el.attributes) {
                    if (/^on/i.test(a.name) || /^(style|srcdoc|formaction|action)$/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
                }
                if (/^(SCRIPT|IFRAME|OBJECT|EMBED|FORM|META|STYLE|LINK|BASE|TEMPLATE|MATH)$/.test(el.tagName) || (el.tagName === 'svg' && !el.classList.contains('md-icon')))
                    bad.push(el.tagName);
            }
            for (const el of document.querySelectorAll('[href], [src], [data], [action], [formaction]')) {
                for (const name of ['href', 'src', 'data', 'action', 'formaction']) {
                    const value = (el.getAttribute(name) || '').replace(/[\u0000-\u0020]/g, '');
                    if (/^(javascript|vbscript|data|livescript|file):/i.test(value)) bad.push(`${el.tagName} ${name}=${value}`);
                }
            }
            if (window.__xss !== undefined) bad.push('window.__xss was set');
            return bad;
        }
        """;

    [SkippableFact]
    public async Task The_hostile_corpus_saved_as_descriptions_and_comments_renders_without_running_anything()
    {
        var (actor, page) = await AnalystAsync("ana.xss@soc.example");
        var cases = browser.Portal.Services.GetRequiredService<CaseService>();
        var comments = browser.Portal.Services.GetRequiredService<CommentService>();
        var numbers = new List<(long Number, int Comments)>();
        foreach (var chunk in XssCorpus.Inputs.Chunk(PerCase))
        {
            var created = await cases.CreateAsync(actor, new NewCase($"Hostile Markdown {numbers.Count + 1}", string.Join("\n\n", chunk), []));
            Assert.True(created.Succeeded, created.Error?.Message);
            foreach (var input in chunk)
            {
                var added = await comments.AddAsync(actor, created.Value!.Id, input);
                Assert.True(added.Succeeded, $"{input}: {added.Error?.Message}");
            }
            numbers.Add((created.Value!.Number, chunk.Length));
        }

        var dialogs = new List<string>();
        var console = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        page.Console += (_, message) => console.Add(message.Text);
        page.PageError += (_, error) => console.Add(error);

        foreach (var (number, count) in numbers)
        {
            await page.GotoAsync($"/cases/{number}");
            await BrowserSteps.WaitInteractiveAsync(page);
            await page.Locator("#case-description .markdown-body").WaitForAsync();
            await page.Locator(".comment-card").Nth(count - 1).WaitForAsync();
            // Loading the external images the reader asked for must not run anything either.
            var placeholders = page.Locator("button.md-external-image");
            while (await placeholders.CountAsync() > 0) await placeholders.First.ClickAsync();
            await page.WaitForTimeoutAsync(300);
            var problems = await page.EvaluateAsync<string[]>(DangerousDom);
            Assert.True(problems.Length == 0, $"case {number}: {string.Join(", ", problems)}");
            if (number == numbers[0].Number) await BrowserSteps.ScreenshotAsync(page, "markdown-xss-01-rendered");
        }

        // The editor's preview renders the same way.
        await page.ClickAsync("#edit-description");
        await page.Locator("#description-input-editor[data-ready='true']").WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "markdown-xss-02-editing");
        await page.ClickAsync("#description-input-editor .mud-tab:has-text('Preview')");
        await page.Locator("#description-input-editor .markdown-preview").WaitForAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(await page.EvaluateAsync<string[]>(DangerousDom));

        Assert.Empty(dialogs);
        Assert.DoesNotContain(console, m => m.Contains(XssCorpus.Marker, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_analyst_formats_a_description_ticks_its_checklist_and_pastes_a_screenshot()
    {
        var (actor, page) = await AnalystAsync("ana.editor@soc.example");
        var item = (await browser.Portal.Services.GetRequiredService<CaseService>().CreateAsync(actor,
            new NewCase("Credential phishing on WS-042", "", []))).Value!;
        await page.GotoAsync($"/cases/{item.Number}");
        await BrowserSteps.WaitInteractiveAsync(page);

        await page.ClickAsync("#edit-description");
        await page.Locator("#description-input-editor[data-ready='true']").WaitForAsync();
        var box = page.Locator("textarea#description-input");
        await box.FillAsync("Victim opened the lure\nisolate host\nreset password\nC2 at https://login.evil.example and 203.0.113.7");
        await SelectAsync(page, "description-input", "Victim");
        await page.ClickAsync("#description-input-editor .markdown-tool-bold");
        await page.WaitForFunctionAsync("() => document.getElementById('description-input').value.startsWith('**Victim**')");
        await SelectAsync(page, "description-input", "isolate host\nreset password");
        await page.ClickAsync("#description-input-editor .markdown-tool-tasklist");
        await page.WaitForFunctionAsync("() => document.getElementById('description-input').value.includes('- [ ] reset password')");
        await SelectAsync(page, "description-input", "https://login.evil.example and 203.0.113.7");
        await page.ClickAsync("#description-input-editor .markdown-tool-defang");
        await page.WaitForFunctionAsync("() => document.getElementById('description-input').value.includes('hxxps://login.evil[.]example and 203.0.113[.]7')");
        await SelectAsync(page, "description-input", "lure");
        await page.Keyboard.PressAsync("Control+i");
        await page.WaitForFunctionAsync("() => document.getElementById('description-input').value.includes('_lure_')");

        // A screenshot pasted at the caret (after "lure_") becomes a case file shown in the text.
        await page.EvaluateAsync("""
            async () => {
                const box = document.getElementById('description-input');
                const at = box.value.indexOf('_lure_') + 6;
                box.focus(); box.setSelectionRange(at, at);
                const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=='), c => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([png], 'image.png', { type: 'image/png' }));
                box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """);
        await page.WaitForFunctionAsync("() => /_lure_!\\[screenshot-[^\\]]+\\.png\\]\\(\\/cases\\/[^)]+\\/preview\\)/.test(document.getElementById('description-input').value)");
        await page.Locator("textarea#description-input").PressAsync("End");
        await BrowserSteps.ScreenshotAsync(page, "markdown-editor-01-writing");
        await page.ClickAsync("#description-input-editor .mud-tab:has-text('Preview')");
        await page.Locator("#description-input-editor .markdown-preview .task-list-checkbox").First.WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "markdown-editor-02-preview");
        await page.ClickAsync("#save-description");
        await page.Locator("#save-description").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.WaitForTimeoutAsync(500);
        await BrowserSteps.ScreenshotAsync(page, "markdown-editor-02b-saved");

        var rendered = page.Locator("#case-description .markdown-body");
        await rendered.Locator("strong", new() { HasText = "Victim" }).WaitForAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#case-description .markdown-body img')].some(i => i.complete && i.naturalWidth === 2)");
        Assert.Contains("hxxps://login.evil[.]example", await rendered.InnerTextAsync());
        Assert.Equal(0, await rendered.Locator("a").CountAsync());

        await rendered.Locator(".task-list-checkbox").First.CheckAsync();
        await page.Locator("#activity-list li", new() { HasText = "description" }).First.WaitForAsync();
        await page.ReloadAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("#case-description .task-list-checkbox:checked").WaitForAsync();
        Assert.Equal(1, await page.Locator("#case-description .task-list-checkbox:checked").CountAsync());
        await BrowserSteps.ScreenshotAsync(page, "markdown-editor-03-saved");
    }

    [SkippableFact]
    public async Task A_comment_draft_survives_a_reload_until_it_is_discarded()
    {
        var (actor, page) = await AnalystAsync("ana.drafts@soc.example");
        var item = (await browser.Portal.Services.GetRequiredService<CaseService>().CreateAsync(actor,
            new NewCase("Beaconing from WS-7",
            "External image: ![pixel](https://tracker.example/p.gif)\n\nSee [Kibana timeline](https://kibana.example/app/security/timelines?timeline=(id:'kb-7',isOpen:!t)).", []))).Value!;
        await page.GotoAsync($"/cases/{item.Number}");
        await BrowserSteps.WaitInteractiveAsync(page);

        var placeholder = page.Locator("#case-description button.md-external-image");
        await placeholder.WaitForAsync();
        Assert.Equal(0, await page.Locator("#case-description img").CountAsync());
        await page.Locator("#comment-input-editor[data-ready='true']").WaitForAsync();
        var chip = page.Locator("#case-description a.timeline-chip-unknown");
        Assert.Equal("Timeline ID: kb-7 (not found in this portal; opens the original link)", await chip.GetAttributeAsync("title"));
        Assert.Contains("not in this portal", await chip.InnerTextAsync());
        await page.Locator("textarea#comment-input").FillAsync("Half-written findings");
        Assert.Equal("Half-written findings", await page.EvaluateAsync<string>($"() => localStorage.getItem('casesPortal.draft:{actor.UserId}:{item.Id}:comment')"));
        await page.ReloadAsync();
        await BrowserSteps.WaitInteractiveAsync(page);

        await page.Locator("#comment-input-draft", new() { HasText = "Draft restored" }).WaitForAsync();
        Assert.Equal("Half-written findings", await page.Locator("textarea#comment-input").InputValueAsync());
        await BrowserSteps.ScreenshotAsync(page, "markdown-editor-04-draft-restored");
        await placeholder.ClickAsync();
        Assert.Equal("https://tracker.example/p.gif", await page.Locator("#case-description img.md-loaded-image").GetAttributeAsync("src"));
        await page.ClickAsync("#comment-input-discard-draft");
        await page.WaitForFunctionAsync("() => document.getElementById('comment-input').value === ''");
        await page.ReloadAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator("textarea#comment-input").WaitForAsync();
        await page.WaitForTimeoutAsync(500);
        Assert.Equal("", await page.Locator("textarea#comment-input").InputValueAsync());
        Assert.Equal(0, await page.Locator("#comment-input-draft").CountAsync());

        await page.GotoAsync("/cases");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.ClickAsync("#create-case");
        await page.Locator("#new-case-description-editor").WaitForAsync();
        await BrowserSteps.ScreenshotAsync(page, "markdown-editor-05-create-dialog");
    }

    private async Task<(CaseActor Actor, IPage Page)> AnalystAsync(string email)
    {
        var userId = await HttpForms.CreateAccountAsync(browser.Portal, email, Roles.Analyst);
        var page = await browser.NewPageAsync();
        await BrowserSteps.LogInAsync(page, email, TestAccounts.AnalystPassword);
        return (new CaseActor(userId, new HashSet<string> { Roles.Analyst }), page);
    }

    private static Task SelectAsync(IPage page, string id, string text) => page.EvaluateAsync("""
        ([id, text]) => {
            const box = document.getElementById(id);
            const start = box.value.indexOf(text);
            box.focus();
            box.setSelectionRange(start, start + text.length);
        }
        """, new[] { id, text });
}
