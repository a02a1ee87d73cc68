using CasesPortal.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Unit)]
public sealed class UserAdminServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private UserAdminService service = default!;
    private string adminId = "";

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        service = portal.Get<UserAdminService>();
        adminId = (await service.ListAsync()).Single().Id;
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Creating_an_account_without_a_password_generates_one_that_logs_in()
    {
        var result = await service.CreateAsync(new NewUser("ana@soc.example", "Ana Diaz", ["analyst"], null));

        Assert.True(result.Succeeded, result.Error?.Message);
        var created = result.Value!;
        Assert.Equal(["Analyst"], created.User.Roles);
        Assert.Equal("Ana Diaz", created.User.DisplayName);
        Assert.Equal(portal.Clock.GetUtcNow(), created.User.CreatedAt);
        Assert.True(created.GeneratedPassword!.Length >= 12);
        Assert.True(await PasswordWorksAsync("ana@soc.example", created.GeneratedPassword));
    }

    [Theory]
    [InlineData("not-an-email", "Ana", "Analyst", null, "not a valid email")]
    [InlineData("ana@soc.example", "", "Analyst", null, "Display name is required")]
    [InlineData("ana@soc.example", "Ana", "Superuser", null, "Unknown role 'Superuser'")]
    [InlineData("ana@soc.example", "Ana", null, null, "at least one role")]
    [InlineData("ana@soc.example", "Ana", "Analyst", "short", "at least 12 characters")]
    public async Task Invalid_new_accounts_are_refused_with_a_clear_message(string email, string name, string? role, string? password, string message)
    {
        var result = await service.CreateAsync(new NewUser(email, name, role is null ? [] : [role], password));

        Assert.False(result.Succeeded);
        Assert.Equal(400, result.Error!.Status);
        Assert.Contains(message, result.Error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await service.ListAsync());
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_a_conflict()
    {
        var result = await service.CreateAsync(new NewUser(TestAccounts.AdminEmail.ToUpperInvariant(), "Copy", [Roles.Viewer], null));

        Assert.Equal(409, result.Error!.Status);
    }

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_demoted_nor_disabled()
    {
        var demote = await service.UpdateAsync(adminId, new UserChanges(Roles: [Roles.Lead]), "someone-else");
        var disable = await service.UpdateAsync(adminId, new UserChanges(Disabled: true), "someone-else");

        Assert.Equal(409, demote.Error!.Status);
        Assert.Contains("last enabled Admin", demote.Error.Message);
        Assert.Equal(409, disable.Error!.Status);
        var admin = await service.FindAsync(adminId);
        Assert.Equal([Roles.Admin], admin!.Roles);
        Assert.False(admin.Disabled);
    }

    [Fact]
    public async Task With_a_second_admin_the_first_can_be_demoted()
    {
        var second = (await service.CreateAsync(new NewUser("lead@soc.example", "Lea", [Roles.Admin, Roles.Lead], null))).Value!;

        var demoted = await service.UpdateAsync(adminId, new UserChanges(Roles: [Roles.Lead, Roles.Analyst]), second.User.Id);

        Assert.True(demoted.Succeeded, demoted.Error?.Message);
        Assert.Equal([Roles.Analyst, Roles.Lead], demoted.Value!.Roles);
        // ...and now the second is the last one.
        Assert.Equal(409, (await service.UpdateAsync(second.User.Id, new UserChanges(Disabled: true), adminId)).Error!.Status);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_sessions_are_invalidated()
    {
        var analyst = (await service.CreateAsync(new NewUser("ana@soc.example", "Ana", [Roles.Analyst], TestAccounts.AnalystPassword))).Value!.User;
        var stampBefore = await SecurityStampAsync(analyst.Id);

        var disabled = await service.UpdateAsync(analyst.Id, new UserChanges(Disabled: true), adminId);

        Assert.True(disabled.Value!.Disabled);
        Assert.NotEqual(stampBefore, await SecurityStampAsync(analyst.Id));
        Assert.False(await PasswordWorksAsync("ana@soc.example", TestAccounts.AnalystPassword));

        await service.UpdateAsync(analyst.Id, new UserChanges(Disabled: false), adminId);
        Assert.True(await PasswordWorksAsync("ana@soc.example", TestAccounts.AnalystPassword));
    }

    [Fact]
    public async Task Unlock_clears_a_lockout()
    {
        var analyst = (await service.CreateAsync(new NewUser("ana@soc.example", "Ana", [Roles.Analyst], TestAccounts.AnalystPassword))).Value!.User;
        for (var i = 0; i < 5; i++) await PasswordWorksAsync("ana@soc.example", "wrong password!!");
        Assert.True((await service.FindAsync(analyst.Id))!.LockedOut);
        // Identity stamps lockouts with the system clock: 15 minutes from now.
        Assert.InRange((await service.FindAsync(analyst.Id))!.LockedUntil!.Value,
            DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(15));

        var unlocked = await service.UnlockAsync(analyst.Id);

        Assert.False(unlocked.Value!.LockedOut);
        Assert.True(await PasswordWorksAsync("ana@soc.example", TestAccounts.AnalystPassword));
    }

    [Fact]
    public async Task Reset_password_replaces_the_old_one_and_enforces_the_policy()
    {
        var analyst = (await service.CreateAsync(new NewUser("ana@soc.example", "Ana", [Roles.Analyst], TestAccounts.AnalystPassword))).Value!.User;

        Assert.Equal(400, (await service.ResetPasswordAsync(analyst.Id, "too short")).Error!.Status);
        var reset = await service.ResetPasswordAsync(analyst.Id, null);

        Assert.True(await PasswordWorksAsync("ana@soc.example", reset.Value!.GeneratedPassword!));
        Assert.False(await PasswordWorksAsync("ana@soc.example", TestAccounts.AnalystPassword));
    }

    [Fact]
    public async Task Unknown_accounts_are_not_found()
    {
        Assert.Equal(404, (await service.UpdateAsync("missing", new UserChanges(DisplayName: "x"), adminId)).Error!.Status);
        Assert.Equal(404, (await service.UnlockAsync("missing")).Error!.Status);
        Assert.Equal(404, (await service.ResetPasswordAsync("missing", null)).Error!.Status);
    }

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = await signIn.UserManager.FindByEmailAsync(email);
        return (await signIn.CheckPasswordSignInAsync(user!, password, lockoutOnFailure: true)).Succeeded;
    }

    private async Task<string?> SecurityStampAsync(string id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetSecurityStampAsync((await users.FindByIdAsync(id))!);
    }
}
