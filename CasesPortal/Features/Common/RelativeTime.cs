namespace CasesPortal.Features.Common;

/// <summary>"5 minutes ago" for recent instants; older ones are better read as a date, so they get none.</summary>
public static class RelativeTime
{
    public static string? Describe(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        if (elapsed < TimeSpan.FromMinutes(1)) return "just now";
        if (elapsed < TimeSpan.FromHours(1)) return Ago((int)elapsed.TotalMinutes, "minute");
        if (elapsed < TimeSpan.FromDays(1)) return Ago((int)elapsed.TotalHours, "hour");
        return elapsed < TimeSpan.FromDays(30) ? Ago((int)elapsed.TotalDays, "day") : null;
    }

    private static string Ago(int count, string unit) => $"{count} {unit}{(count == 1 ? "" : "s")} ago";
}
