using CasesPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CasesPortal.Features.Accounts;

/// <summary>On a database without accounts, creates the first administrator.</summary>
public sealed class AccountBootstrapper(
    IServiceScopeFactory scopes,
    IOptions<BootstrapOptions> options,
    TimeProvider clock,
    ILogger<AccountBootstrapper> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await userManager.Users.AnyAsync(ct)) return;

        var configured = options.Value;
        var email = string.IsNullOrWhiteSpace(configured.AdminEmail) ? BootstrapOptions.DefaultAdminEmail : configured.AdminEmail.Trim();
        if (AccountRules.ValidateEmail(email) is { } emailProblem)
            throw new ConfigurationProblemException("Bootstrap:AdminEmail", emailProblem);

        var generated = string.IsNullOrEmpty(configured.AdminPassword);
        var password = generated ? PasswordGenerator.Generate() : configured.AdminPassword!;
        var admin = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            CreatedAt = clock.GetUtcNow(),
        };

        var problems = await AccountRules.ValidatePasswordAsync(userManager, admin, password);
        if (problems is not null)
            throw new ConfigurationProblemException("Bootstrap:AdminPassword", problems);

        var created = await userManager.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new ConfigurationProblemException("Bootstrap:AdminEmail", AccountRules.Describe(created));
        await userManager.AddToRoleAsync(admin, Roles.Admin);

        logger.LogInformation("Created the first administrator account {Email}", email);
        if (generated) PrintGeneratedCredentials(email, password);
    }

    private static void PrintGeneratedCredentials(string email, string password)
    {
        const string rule = "==============================================================";
        Console.WriteLine();
        Console.WriteLine(rule);
        Console.WriteLine(" CasesPortal created the first administrator account.");
        Console.WriteLine($"   Email:    {email}");
        Console.WriteLine($"   Password: {password}");
        Console.WriteLine(" This password is shown only once. Log in and change it under Profile.");
        Console.WriteLine(rule);
        Console.WriteLine();
    }
}
