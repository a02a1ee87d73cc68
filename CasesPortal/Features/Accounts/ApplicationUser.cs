using Microsoft.AspNetCore.Identity;

namespace CasesPortal.Features.Accounts;

/// <summary>An analyst account. The display name is what the rest of the product shows for the person.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot log in or call the API; its history stays.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>IANA or Windows time zone id used to show every date; "UTC" by default.</summary>
    public string TimeZoneId { get; set; } = TimeDisplay.Utc;

    public bool DarkMode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }
}
