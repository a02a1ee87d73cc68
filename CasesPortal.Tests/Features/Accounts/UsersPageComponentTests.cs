using Bunit;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Accounts.Admin;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Component)]
public sealed class UsersPageComponentTests : PortalComponentTest
{
    [Fact]
    public async Task The_page_lists_accounts_with_roles_and_state_and_filters_them()
    {
        var users = Portal.Get<UserAdminService>();
        var ana = (await users.CreateAsync(new NewUser("ana@soc.example", "Ana Diaz", [Roles.Analyst], null))).Value!.User;
        await users.CreateAsync(new NewUser("sam@soc.example", "Sam Lee", [Roles.Viewer], null));
        await users.UpdateAsync(ana.Id, new UserChanges(Disabled: true), AdminId);

        var cut = RenderWithProviders<UsersPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("#users-table tbody tr").Count));
        var anaRow = cut.FindAll("#users-table tbody tr").Single(r => r.TextContent.Contains("ana@soc.example"));
        Assert.Contains("Analyst", anaRow.TextContent);
        Assert.Contains("Disabled", anaRow.TextContent);
        Assert.Contains("Never", anaRow.TextContent);

        cut.Find(".users-search input").Input("viewer");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#users-table tbody tr")));
        Assert.Contains("Sam Lee", cut.Find("#users-table tbody tr").TextContent);
    }

    [Fact]
    public async Task Creating_an_account_in_the_dialog_stores_it_and_shows_the_generated_password_once()
    {
        var cut = RenderWithProviders<UsersPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#users-table tbody tr")));

        cut.Find("#new-user").Click();
        cut.WaitForAssertion(() => cut.Find("#new-user-email"));
        cut.Find("#new-user-email").Change("priya@soc.example");
        cut.Find("#new-user-name").Change("Priya Raman");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#new-user-submit").HasAttribute("disabled")));
        cut.Find("#new-user-submit").Click();

        cut.WaitForAssertion(() => cut.Find("#generated-password"));
        var shown = cut.Find("#generated-password").GetAttribute("value");
        var created = (await Portal.Get<UserAdminService>().ListAsync()).Single(u => u.Email == "priya@soc.example");
        Assert.Equal(["Analyst"], created.Roles);
        Assert.Equal("Priya Raman", created.DisplayName);
        Assert.True(shown!.Length >= 12);
    }

    [Fact]
    public void The_role_picker_requires_at_least_one_role()
    {
        var selected = new HashSet<string> { Roles.Analyst };
        var cut = Render<RolePicker>(p => p.Add(r => r.Selected, selected));

        cut.Find("#role-lead").Change(true);
        Assert.Equal([Roles.Analyst, Roles.Lead], selected.Order());

        cut.Find("#role-lead").Change(false);
        cut.Find("#role-analyst").Change(false);
        Assert.Empty(selected);
        Assert.Contains("Choose at least one role.", cut.Markup);
    }

    [Fact]
    public void The_state_chip_tells_disabled_locked_and_active_apart()
    {
        var now = DateTimeOffset.UtcNow;
        UserSummary Account(bool disabled, DateTimeOffset? lockedUntil) => new("id", "a@b.c", "A", [Roles.Analyst], disabled, lockedUntil, now, null);

        Assert.Contains("Disabled", Render<UserStateChip>(p => p.Add(c => c.User, Account(true, null))).Markup);
        Assert.Contains("Locked", Render<UserStateChip>(p => p.Add(c => c.User, Account(false, now.AddMinutes(10)))).Markup);
        Assert.Contains("Active", Render<UserStateChip>(p => p.Add(c => c.User, Account(false, null))).Markup);
    }
}
