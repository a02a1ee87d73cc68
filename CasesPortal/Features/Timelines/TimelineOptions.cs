namespace CasesPortal.Features.Timelines;

/// <summary>The <c>Timelines</c> settings.</summary>
public sealed class TimelineOptions
{
    public const string Section = "Timelines";

    /// <summary>How long one query may run before the engine is interrupted.</summary>
    public double QueryBudgetSeconds { get; set; } = 5;

    public TimeSpan QueryBudget => TimeSpan.FromSeconds(QueryBudgetSeconds);
}
