using System.Net;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Http)]
public sealed class LoginHttpTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory factory;

    public LoginHttpTests(PortalFactory factory) => this.factory = factory;

    [Theory]
    [InlineData("/")]
    [InlineData("/profile")]
    [InlineData("/admin/users")]
    public async Task Anonymous_requests_to_pages_redirect_to_log_in_and_remember_where_they_were_going(string path)
    {
        var response = await factory.CreateBrowserlessClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_log_in_page_is_public_and_offers_no_self_registration()
    {
        var html = await factory.CreateBrowserlessClient().GetStringAsync("/account/login");

        Assert.Contains("Log in", html);
        Assert.Contains("name=\"Input.Password\"", html);
        Assert.DoesNotContain("Register", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logging_in_returns_to_the_requested_page_which_then_shows_the_analyst()
    {
        var client = factory.CreateBrowserlessClient();

        var response = await HttpForms.LogInAsync(client, TestAccounts.AdminEmail, TestAccounts.AdminPassword, "/profile");

        Assert.Equal("/profile", HttpForms.RedirectTarget(response));
        var profile = await client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("Administrator", await profile.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_return_url_outside_the_portal_is_not_followed()
    {
        var response = await HttpForms.LogInAsync(factory.CreateBrowserlessClient(), TestAccounts.AdminEmail, TestAccounts.AdminPassword, "https://evil.example/");

        Assert.Equal("/", HttpForms.RedirectTarget(response));
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_no_session()
    {
        var client = factory.CreateBrowserlessClient();

        var response = await HttpForms.LogInAsync(client, TestAccounts.AdminEmail, "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid email or password.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_for_15_minutes_and_the_page_says_so()
    {
        await HttpForms.CreateAccountAsync(factory, "locked@soc.example", "Analyst");
        var client = factory.CreateBrowserlessClient();

        string page = "";
        for (var attempt = 1; attempt <= 5; attempt++)
            page = await (await HttpForms.LogInAsync(client, "locked@soc.example", $"wrong password {attempt}")).Content.ReadAsStringAsync();
        Assert.Contains("locked after 5 failed log-in attempts", page);
        Assert.Contains("15 minutes", page);

        // Even the right password is refused while locked.
        var right = await HttpForms.LogInAsync(client, "locked@soc.example", TestAccounts.AnalystPassword);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_disabled_account_cannot_log_in()
    {
        var id = await HttpForms.CreateAccountAsync(factory, "gone@soc.example", "Analyst");
        await factory.Services.GetRequiredService<CasesPortal.Features.Accounts.UserAdminService>()
            .UpdateAsync(id, new(Disabled: true), "admin");

        var response = await HttpForms.LogInAsync(factory.CreateBrowserlessClient(), "gone@soc.example", TestAccounts.AnalystPassword);

        Assert.Contains("This account is disabled", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_pages_are_refused_to_analysts_on_the_server()
    {
        await HttpForms.CreateAccountAsync(factory, "analyst@soc.example", "Analyst");
        var analyst = await HttpForms.LoggedInClientAsync(factory, "analyst@soc.example", TestAccounts.AnalystPassword);
        var admin = await HttpForms.LoggedInClientAsync(factory, TestAccounts.AdminEmail, TestAccounts.AdminPassword);

        var refused = await analyst.GetAsync("/admin/users");
        var allowed = await admin.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("analyst@soc.example", await allowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var client = await HttpForms.LoggedInClientAsync(factory, TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        var token = HttpForms.HiddenInputs(await client.GetStringAsync("/account/password"))["__RequestVerificationToken"];

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal("/account/login", HttpForms.RedirectTarget(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_log_out_without_the_form_token_is_refused_with_a_clear_page()
    {
        var client = await HttpForms.LoggedInClientAsync(factory, TestAccounts.AdminEmail, TestAccounts.AdminPassword);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("go back and try again", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_enforces_the_policy()
    {
        await HttpForms.CreateAccountAsync(factory, "changer@soc.example", "Viewer");
        var client = await HttpForms.LoggedInClientAsync(factory, "changer@soc.example", TestAccounts.AnalystPassword);

        var tooShort = await HttpForms.SubmitAsync(client, "/account/password",
            new() { ["Input.Current"] = TestAccounts.AnalystPassword, ["Input.New"] = "short", ["Input.Confirm"] = "short" });
        Assert.Contains("must be between 12 and 128 characters", await tooShort.Content.ReadAsStringAsync());

        var changed = await HttpForms.SubmitAsync(client, "/account/password",
            new() { ["Input.Current"] = TestAccounts.AnalystPassword, ["Input.New"] = "a brand new passphrase", ["Input.Confirm"] = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Your password has been changed.", await client.GetStringAsync("/account/password"));

        var relogin = await HttpForms.LogInAsync(factory.CreateBrowserlessClient(), "changer@soc.example", "a brand new passphrase");
        Assert.Equal(HttpStatusCode.Redirect, relogin.StatusCode);
    }
}
