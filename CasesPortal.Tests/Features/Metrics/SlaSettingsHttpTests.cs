using CasesPortal.Features.Accounts;

namespace CasesPortal.Tests.Features.Metrics;

[Trait(Layer.Name, Layer.Http)]
public sealed class SlaSettingsHttpTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Leads_open_the_SLA_settings_and_analysts_are_refused_on_the_server()
    {
        await HttpForms.CreateAccountAsync(factory, "sla.lead@soc.example", Roles.Lead);
        await HttpForms.CreateAccountAsync(factory, "sla.analyst@soc.example", Roles.Analyst);
        var lead = await HttpForms.LoggedInClientAsync(factory, "sla.lead@soc.example", TestAccounts.AnalystPassword);
        var analyst = await HttpForms.LoggedInClientAsync(factory, "sla.analyst@soc.example", TestAccounts.AnalystPassword);

        Assert.Contains("Acknowledge within", await lead.GetStringAsync("/settings/sla"));
        Assert.StartsWith("/account/access-denied", HttpForms.RedirectTarget(await analyst.GetAsync("/settings/sla")));
        Assert.Contains("SLA at risk", await lead.GetStringAsync("/dashboard/export/cards.csv") + await lead.GetStringAsync("/dashboard"));
    }
}
