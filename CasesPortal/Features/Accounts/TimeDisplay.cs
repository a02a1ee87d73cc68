using System.Globalization;

namespace CasesPortal.Features.Accounts;

/// <summary>Shows instants in the time zone an analyst chose (UTC by default), the same on every page and export.</summary>
public static class TimeDisplay
{
    public const string Utc = "UTC";

    public static bool IsKnownZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static TimeZoneInfo Zone(string? id) =>
        IsKnownZone(id) ? TimeZoneInfo.FindSystemTimeZoneById(id!) : TimeZoneInfo.Utc;

    /// <summary>"2026-11-28 14:05 UTC" or "2026-11-28 15:05 UTC+01:00".</summary>
    public static string Format(DateTimeOffset value, string? zoneId, bool withSeconds = false)
    {
        var zone = Zone(zoneId);
        var local = TimeZoneInfo.ConvertTime(value, zone);
        var text = local.ToString(withSeconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{text} {OffsetLabel(local.Offset)}";
    }

    public static string OffsetLabel(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";

    /// <summary>The zones offered on the profile page, UTC first.</summary>
    public static IReadOnlyList<(string Id, string Label)> Choices() =>
        [(Utc, "UTC (recommended for shift work)"),
         .. TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.Id != Utc && z.Id.Contains('/') && !z.Id.StartsWith("Etc/", StringComparison.Ordinal))
            .OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)
            .Select(z => (z.Id, $"{z.Id.Replace('_', ' ')} ({OffsetLabel(z.BaseUtcOffset)})"))];
}
