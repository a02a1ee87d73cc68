using CasesPortal.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>
/// Fills a fresh database with realistic content for every feature that exists, for trying the portal out.
/// Runs only with <c>--seed-demo</c> or <c>Demo:Seed=true</c>, and only while the database holds no more than the first administrator.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string DemoDomain = "demo.casesportal.local";

    private static readonly (string Name, string Local, string Role, string Zone)[] Team =
    [
        ("Maya Okafor", "maya.okafor", Roles.Lead, "Europe/London"),
        ("Ana Diaz", "ana.diaz", Roles.Analyst, "UTC"),
        ("Tomás Becker", "tomas.becker", Roles.Analyst, "Europe/Berlin"),
        ("Priya Raman", "priya.raman", Roles.Analyst, "Asia/Kolkata"),
        ("Sam Lee", "sam.lee", Roles.Viewer, "America/New_York"),
    ];

    public bool Enabled => configuration.GetValue<bool>("Demo:Seed");

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!Enabled) return;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.Users.CountAsync(ct) > 1)
        {
            logger.LogInformation("Demo data skipped: the database already holds accounts");
            return;
        }

        var password = configuration["Demo:Password"] is { Length: > 0 } configured ? configured : PasswordGenerator.Generate();
        var now = clock.GetUtcNow();
        foreach (var (name, local, role, zone) in Team)
        {
            var email = $"{local}@{DemoDomain}";
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
                TimeZoneId = TimeDisplay.IsKnownZone(zone) ? zone : TimeDisplay.Utc,
                CreatedAt = now.AddDays(-Random.Shared.Next(30, 400)),
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new ConfigurationProblemException("Demo:Password", AccountRules.Describe(created));
            await users.AddToRoleAsync(user, role);
        }

        var ids = await users.Users.Where(u => u.Email!.EndsWith(DemoDomain)).Select(u => u.Id).ToListAsync(ct);
        await scope.ServiceProvider.GetRequiredService<DemoEvidence>().SeedAsync(now.AddDays(-DemoCases.Days), now, ct);
        await scope.ServiceProvider.GetRequiredService<DemoCases>().SeedAsync(ids, now, ct);
        var analystEmail = $"{Team.First(member => member.Role == Roles.Analyst).Local}@{DemoDomain}";
        var analystId = await users.Users.Where(u => u.Email == analystEmail).Select(u => u.Id).SingleAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Timelines.DemoTimelines>().SeedAsync(analystId, now, ct);

        Console.WriteLine();
        Console.WriteLine($" Demo data created: 50 cases with comments, history and evidence; {DemoEvidence.GeneratedAlerts:N0} alerts, {DemoEvidence.GeneratedEvents:N0} events, the sample indicators and a few timelines.");
        Console.WriteLine($" Demo accounts created (password for all: {password}):");
        foreach (var (name, local, role, _) in Team) Console.WriteLine($"   {role,-8} {name,-14} {local}@{DemoDomain}");
        Console.WriteLine();
    }
}
