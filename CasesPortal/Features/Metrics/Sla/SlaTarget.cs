using CasesPortal.Features.Cases.Model;

namespace CasesPortal.Features.Metrics.Sla;

/// <summary>A severity's service-level targets, timed from a case's creation: to acknowledge (first in progress) and to resolve (close).</summary>
public sealed class SlaTarget
{
    public const int MaxMinutes = 365 * 24 * 60;

    public CaseSeverity Severity { get; set; }
    public int? AcknowledgeMinutes { get; set; }
    public int? ResolveMinutes { get; set; }
}

/// <summary>Where an unclosed case stands against its severity's targets: at risk from 80 % of a target, breached past it.</summary>
public enum SlaState { None = 0, OnTrack = 1, AtRisk = 2, Breached = 3 }

public static class SlaStates
{
    public const double AtRiskShare = 0.8;

    public static string Of(SlaState state) => state switch
    {
        SlaState.AtRisk => "at-risk",
        SlaState.Breached => "breached",
        SlaState.OnTrack => "on-track",
        _ => "none",
    };

    public static bool TryParse(string? text, out SlaState state)
    {
        state = text switch { "at-risk" => SlaState.AtRisk, "breached" => SlaState.Breached, "on-track" => SlaState.OnTrack, _ => SlaState.None };
        return state != SlaState.None;
    }

    public static string Label(SlaState state) => state switch
    {
        SlaState.AtRisk => "SLA at risk",
        SlaState.Breached => "SLA breached",
        SlaState.OnTrack => "SLA on track",
        _ => "",
    };
}
