using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases;

[Trait(Layer.Name, Layer.Unit)]
public sealed class CaseNumberTests : IAsyncLifetime
{
    private PortalServices portal = default!;

    public async Task InitializeAsync() => portal = await PortalServices.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Cases_created_at_the_same_moment_get_distinct_consecutive_numbers()
    {
        var team = await CaseTeam.CreateAsync(portal);
        var results = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            Task.Run(() => portal.Get<CaseService>().CreateAsync(team.Analyst, new NewCase($"Concurrent case {i}")))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(Enumerable.Range(1, 12).Select(n => (long)n), results.Select(r => (long)r.Value!.Number).Order());
    }
}
