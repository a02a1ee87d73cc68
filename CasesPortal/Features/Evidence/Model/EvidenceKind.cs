namespace CasesPortal.Features.Evidence.Model;

/// <summary>The three ingest streams, named as in their routes (<c>/api/{kind}/_bulk</c>).</summary>
public enum EvidenceKind
{
    Alerts,
    Events,
    Indicators,
}
