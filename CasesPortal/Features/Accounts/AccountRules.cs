using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace CasesPortal.Features.Accounts;

/// <summary>Field limits and checks shared by the admin pages, the users API and start-up.</summary>
public static class AccountRules
{
    public const int EmailMaxLength = 256;
    public const int PasswordMinLength = 12;
    public const int PasswordMaxLength = 128;

    public static string? ValidateEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "Email is required.";
        if (email.Length > EmailMaxLength) return $"Email must be at most {EmailMaxLength} characters.";
        return new EmailAddressAttribute().IsValid(email) && !email.Any(char.IsWhiteSpace)
            ? null
            : $"'{email}' is not a valid email address.";
    }

    public static string? ValidateDisplayName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "Display name is required.";
        return name.Trim().Length > ApplicationUser.DisplayNameMaxLength
            ? $"Display name must be at most {ApplicationUser.DisplayNameMaxLength} characters."
            : null;
    }

    /// <summary>Runs Identity's password validators (the portal's policy); null when the password is acceptable.</summary>
    public static async Task<string?> ValidatePasswordAsync(UserManager<ApplicationUser> users, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return "Password is required.";
        if (password.Length > PasswordMaxLength) return $"Password must be at most {PasswordMaxLength} characters.";
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }
        return errors.Count == 0 ? null : string.Join(" ", errors.Select(e => e.Description));
    }

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    public static void ConfigurePolicy(IdentityOptions options)
    {
        options.SignIn.RequireConfirmedAccount = false;
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = ""; // user names are emails; EmailAddress validation covers them
        options.Password.RequiredLength = PasswordMinLength;
        options.Password.RequiredUniqueChars = 4;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}
