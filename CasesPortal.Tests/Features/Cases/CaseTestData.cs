using CasesPortal.Features.Accounts;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Tests.Features.Cases;

/// <summary>Accounts of each role for case tests, created through the real account service.</summary>
public sealed record CaseTeam(CaseActor Admin, CaseActor Lead, CaseActor Analyst, CaseActor OtherAnalyst, CaseActor Viewer)
{
    public static async Task<CaseTeam> CreateAsync(PortalServices portal)
    {
        var users = portal.Get<UserAdminService>();
        var admin = (await users.ListAsync()).Single(u => u.Email == TestAccounts.AdminEmail);
        async Task<CaseActor> Make(string email, string name, string role)
        {
            var created = await users.CreateAsync(new NewUser(email, name, [role], TestAccounts.AnalystPassword));
            return new CaseActor(created.Value!.User.Id, new HashSet<string> { role });
        }
        return new CaseTeam(
            new CaseActor(admin.Id, new HashSet<string> { Roles.Admin }),
            await Make("lead@soc.example", "Maya Okafor", Roles.Lead),
            await Make("ana@soc.example", "Ana Diaz", Roles.Analyst),
            await Make("tomas@soc.example", "Tomás Becker", Roles.Analyst),
            await Make("sam@soc.example", "Sam Lee", Roles.Viewer));
    }
}
