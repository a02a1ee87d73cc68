using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace CasesPortal.Tests.Support;

/// <summary>
/// The real portal on a loopback port and the machine's Chromium driven by Playwright (no browser download).
/// Chromium is found at <c>CHROMIUM_PATH</c> or <c>/usr/bin/chromium</c>; when it is missing the browser tests are
/// skipped with instructions, unless <c>CASESPORTAL_REQUIRE_BROWSER=1</c> makes that a failure.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() : this(PortalFactory.Create(kestrel: true)) { }

    protected BrowserFixture(PortalFactory portal) => Portal = portal;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

    private IPlaywright? playwright;

    public PortalFactory Portal { get; }
    public IBrowser? Browser { get; private set; }
    public string BaseUrl { get; private set; } = "";
    public string? MissingBrowserReason { get; private set; }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            MissingBrowserReason = $"Chromium not found at {ChromiumPath}. Install it with 'apt-get install -y chromium' or set CHROMIUM_PATH.";
            if (Environment.GetEnvironmentVariable("CASESPORTAL_REQUIRE_BROWSER") == "1")
                throw new InvalidOperationException($"{MissingBrowserReason} (CASESPORTAL_REQUIRE_BROWSER=1 requires the browser tests to run.)");
            return;
        }

        Portal.StartServer();
        BaseUrl = Portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (own cookies) with a page on the portal.</summary>
    public async Task<IPage> NewPageAsync()
    {
        Skip.If(Browser is null, MissingBrowserReason);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1366, Height = 860 } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}

/// <summary>The browser fixture with a hand-moved clock, for durations read to the second.</summary>
public sealed class ClockedBrowserFixture : BrowserFixture
{
    public ClockedBrowserFixture() : this(new FakeTimeProvider(DateTimeOffset.UtcNow)) { }

    private ClockedBrowserFixture(FakeTimeProvider clock) : base(PortalFactory.Create(kestrel: true, clock: clock)) => Clock = clock;

    public FakeTimeProvider Clock { get; }
}

/// <summary>Steps analysts take in every browser test.</summary>
public static class BrowserSteps
{
    public static async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("[id='Input.Email']", email);
        await page.FillAsync("[id='Input.Password']", password);
        await page.ClickAsync("#login-submit");
        await WaitInteractiveAsync(page);
    }

    /// <summary>Prerendered pages ignore clicks until the circuit is connected; the layout marks that moment.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#circuit-state[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Clicks until the address changes: a click that lands while a freshly connected page re-renders its first data is
    /// lost by the browser, not refused by the portal.
    /// </summary>
    public static async Task ClickUntilAddressAsync(IPage page, string selector, string address)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync(selector);
            try
            {
                await page.WaitForURLAsync(address, new() { Timeout = 5000, WaitUntil = WaitUntilState.Commit });
                return;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
    }

    /// <summary>
    /// Types into a field and presses Enter until the address changes: a dialog that has just closed hands the focus back
    /// a moment later, and a key pressed before that can land elsewhere.
    /// </summary>
    public static async Task EnterUntilAddressAsync(IPage page, string selector, string value, string address)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.FillAsync(selector, value);
            await page.Locator(selector).PressAsync("Enter");
            try
            {
                await page.WaitForURLAsync(address, new() { Timeout = 5000, WaitUntil = WaitUntilState.Commit });
                return;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
    }

    /// <summary>
    /// Opens a select and picks an option until the address follows: an option clicked while the list re-renders can be
    /// lost. A pick that was only slow lands late, and picking again would take it back in a multi-choice select, so
    /// the address gets a second chance before the next try.
    /// </summary>
    public static async Task ChooseUntilAddressAsync(IPage page, string selectSelector, string optionText, string address)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync(selectSelector);
            await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{optionText}')");
            if (await ReachesAddressAsync(page, address, 10_000)) return;
            await page.Keyboard.PressAsync("Escape");
            if (await ReachesAddressAsync(page, address, 3_000)) return;
            if (attempt == 4) throw new TimeoutException($"Choosing '{optionText}' in {selectSelector} never led to {address}; the address is {page.Url}.");
        }
    }

    private static async Task<bool> ReachesAddressAsync(IPage page, string address, float timeout)
    {
        try
        {
            await page.WaitForURLAsync(address, new() { Timeout = timeout, WaitUntil = WaitUntilState.Commit });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Fills a field until <paramref name="shown"/> holds: typed while a just-opened dialog still renders its first
    /// values, the text can be put back by that render, as a click on a re-rendering list can be lost.
    /// </summary>
    public static async Task FillUntilAsync(IPage page, string selector, string value, Func<Task> shown)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.FillAsync(selector, value);
            try
            {
                await shown();
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Saves a screenshot when <c>CASESPORTAL_SCREENSHOTS</c> names a folder, for looking at the screens by eye.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("CASESPORTAL_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
