using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace CasesPortal.Features.Accounts.Profile;

/// <summary>
/// The signed-in analyst's preferences for one circuit (scoped): what the shell shows and how times are displayed.
/// Components subscribe to <see cref="Changed"/> so a change on the profile page shows everywhere at once.
/// </summary>
public sealed class UserPreferencesState(AuthenticationStateProvider authState, ProfileService profiles)
{
    private bool loaded;

    public string? UserId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string TimeZoneId { get; private set; } = TimeDisplay.Utc;
    public bool DarkMode { get; private set; }

    public event Action? Changed;

    public async Task EnsureLoadedAsync()
    {
        if (loaded) return;
        var user = (await authState.GetAuthenticationStateAsync()).User;
        UserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (UserId is not null && await profiles.GetAsync(UserId) is { } profile) Apply(profile);
        loaded = true;
    }

    public string Format(DateTimeOffset value, bool withSeconds = false) => TimeDisplay.Format(value, TimeZoneId, withSeconds);

    public async Task SetDarkModeAsync(bool darkMode)
    {
        DarkMode = darkMode;
        if (UserId is not null) await profiles.SetDarkModeAsync(UserId, darkMode);
        Changed?.Invoke();
    }

    public void Apply(UserProfile profile)
    {
        (DisplayName, Email, TimeZoneId, DarkMode) = (profile.DisplayName, profile.Email, profile.TimeZoneId, profile.DarkMode);
        Changed?.Invoke();
    }
}
