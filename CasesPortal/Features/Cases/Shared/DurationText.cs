namespace CasesPortal.Features.Cases.Shared;

/// <summary>Durations as analysts read them: "3d 4h", "2h 15m", "45m", "30s".</summary>
public static class DurationText
{
    public static string Format(double? seconds)
    {
        if (seconds is not { } s) return "—";
        var span = TimeSpan.FromSeconds(Math.Round(s));
        if (span.TotalDays >= 1) return $"{(int)span.TotalDays}d {span.Hours}h";
        if (span.TotalHours >= 1) return $"{span.Hours}h {span.Minutes}m";
        if (span.TotalMinutes >= 1) return $"{span.Minutes}m";
        return $"{span.Seconds}s";
    }

    /// <summary>To the second below a day, for figures that tick: "3d 4h 12m", "2h 15m 08s", "45m 03s", "30s".</summary>
    public static string Precise(TimeSpan duration)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, Math.Floor(duration.TotalSeconds)));
        if (span.TotalDays >= 1) return $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m";
        if (span.TotalHours >= 1) return $"{span.Hours}h {span.Minutes}m {span.Seconds:00}s";
        if (span.TotalMinutes >= 1) return $"{span.Minutes}m {span.Seconds:00}s";
        return $"{span.Seconds}s";
    }
}
