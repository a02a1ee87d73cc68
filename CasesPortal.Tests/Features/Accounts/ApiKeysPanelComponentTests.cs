using Bunit;
using CasesPortal.Features.Accounts.ApiKeys;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Component)]
public sealed class ApiKeysPanelComponentTests : PortalComponentTest
{
    [Fact]
    public async Task Creating_a_key_shows_it_once_and_lists_it_without_the_secret()
    {
        var cut = RenderWithProviders<ApiKeysPanel>();
        cut.WaitForAssertion(() => Assert.Contains("You have no API keys.", cut.Markup));

        cut.Find("#api-key-new").Click();
        cut.WaitForAssertion(() => cut.Find("#api-key-name"));
        cut.Find("#api-key-name").Input("SIEM forwarder");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#api-key-create").HasAttribute("disabled")));
        cut.Find("#api-key-create").Click();

        cut.WaitForAssertion(() => cut.Find("#api-key-encoded"));
        var shown = cut.Find("#api-key-encoded").GetAttribute("value")!;
        var check = await Portal.Get<ApiKeyService>().AuthenticateAsync(shown);
        Assert.Equal(AdminId, check.UserId);
        var key = Assert.Single(await Portal.Get<ApiKeyService>().ListAsync(AdminId));
        Assert.Equal(Portal.Clock.GetUtcNow().AddDays(90), key.ExpiresAt);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#api-keys-table tbody tr")));
        var row = cut.Find("#api-keys-table tbody tr");
        Assert.Contains("SIEM forwarder", row.TextContent);
        Assert.Contains("Active", row.TextContent);
        Assert.DoesNotContain(shown, row.TextContent);

        cut.Find("#api-key-done").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#api-key-encoded")));
        Assert.DoesNotContain(shown, cut.Markup);
    }

    [Fact]
    public async Task Revoking_after_confirmation_updates_the_list()
    {
        var keys = Portal.Get<ApiKeyService>();
        var created = (await keys.CreateAsync(AdminId, "old script", null)).Value!;
        var cut = RenderWithProviders<ApiKeysPanel>();
        cut.WaitForAssertion(() => Assert.Contains("old script", cut.Find("#api-keys-table tbody tr").TextContent));
        Assert.Contains("Never", cut.Find("#api-keys-table tbody tr").TextContent);

        cut.Find(".api-key-revoke").Click();
        cut.WaitForAssertion(() => Assert.Contains("cannot be undone", cut.Markup));
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        cut.WaitForAssertion(() => Assert.Contains("Revoked", cut.Find("#api-keys-table tbody tr").TextContent));
        Assert.Empty(cut.FindAll(".api-key-revoke"));
        Assert.Equal(ApiKeyRejection.Revoked, (await keys.AuthenticateAsync(created.Encoded)).Rejection);
    }
}
