using System.Net;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases;

[Trait(Layer.Name, Layer.Http)]
public sealed class CasePagesHttpTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_trash_is_for_leads_and_admins_and_lists_deleted_cases()
    {
        var leadId = await HttpForms.CreateAccountAsync(factory, "trash.lead@soc.example", Roles.Lead);
        await HttpForms.CreateAccountAsync(factory, "trash.analyst@soc.example", Roles.Analyst);
        var lead = new CaseActor(leadId, new HashSet<string> { Roles.Lead });
        var cases = factory.Services.GetRequiredService<CaseService>();
        var item = (await cases.CreateAsync(lead, new NewCase("Deleted by mistake"))).Value!;
        await cases.DeleteAsync(lead, [item.Id]);

        var leadClient = await HttpForms.LoggedInClientAsync(factory, "trash.lead@soc.example", TestAccounts.AnalystPassword);
        var analystClient = await HttpForms.LoggedInClientAsync(factory, "trash.analyst@soc.example", TestAccounts.AnalystPassword);

        var trash = await leadClient.GetStringAsync("/cases/trash");
        Assert.Contains("Deleted by mistake", trash);
        Assert.StartsWith("/account/access-denied", HttpForms.RedirectTarget(await analystClient.GetAsync("/cases/trash")));
        Assert.Contains("not found", await (await analystClient.GetAsync($"/cases/{item.Number}")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Case_pages_need_an_account_and_render_for_viewers()
    {
        await HttpForms.CreateAccountAsync(factory, "pages.viewer@soc.example", Roles.Viewer);
        var admin = (await factory.Services.GetRequiredService<UserAdminService>().ListAsync()).Single(u => u.Email == TestAccounts.AdminEmail);
        var item = (await factory.Services.GetRequiredService<CaseService>()
            .CreateAsync(new CaseActor(admin.Id, new HashSet<string> { Roles.Admin }), new NewCase("Readable by viewers"))).Value!;

        Assert.StartsWith("/account/login", HttpForms.RedirectTarget(await factory.CreateBrowserlessClient().GetAsync("/cases")));
        var viewer = await HttpForms.LoggedInClientAsync(factory, "pages.viewer@soc.example", TestAccounts.AnalystPassword);
        var list = await viewer.GetAsync("/cases");
        var detail = await viewer.GetStringAsync($"/cases/{item.Number}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("Readable by viewers", detail);
    }
}
