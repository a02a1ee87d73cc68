namespace CasesPortal.Features.Timelines.Model;

/// <summary>A timeline's time range on <c>@timestamp</c>: relative to now ("last 24 hours"), absolute, or all time.</summary>
public sealed record TimelineRange(string? Relative, DateTimeOffset? From, DateTimeOffset? To)
{
    public static readonly TimelineRange AllTime = new(null, null, null);

    public static readonly IReadOnlyDictionary<string, (string Label, TimeSpan Span)> Relatives = new Dictionary<string, (string, TimeSpan)>
    {
        ["15m"] = ("Last 15 minutes", TimeSpan.FromMinutes(15)),
        ["1h"] = ("Last hour", TimeSpan.FromHours(1)),
        ["24h"] = ("Last 24 hours", TimeSpan.FromHours(24)),
        ["7d"] = ("Last 7 days", TimeSpan.FromDays(7)),
        ["30d"] = ("Last 30 days", TimeSpan.FromDays(30)),
        ["90d"] = ("Last 90 days", TimeSpan.FromDays(90)),
        ["1y"] = ("Last year", TimeSpan.FromDays(365)),
    };

    public static TimelineRange Last(string key) => new(key, null, null);

    public string? Problem() =>
        Relative is not null && !Relatives.ContainsKey(Relative) ? $"range.relative must be one of {string.Join(", ", Relatives.Keys)} (got '{Relative}')."
        : Relative is not null && (From is not null || To is not null) ? "A range is either relative or from/to, not both."
        : From > To ? "range.from must not be after range.to."
        : null;

    /// <summary>The absolute bounds at <paramref name="now"/>; null bounds are open.</summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Resolve(DateTimeOffset now) =>
        Relative is not null && Relatives.TryGetValue(Relative, out var r) ? (now - r.Span, now) : (From, To);

    public string Label => Relative is not null && Relatives.TryGetValue(Relative, out var r) ? r.Label
        : From is null && To is null ? "All time"
        : $"{From?.ToString("yyyy-MM-dd HH:mm") ?? "…"} → {To?.ToString("yyyy-MM-dd HH:mm") ?? "…"} UTC";
}
