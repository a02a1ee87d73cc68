using CasesPortal.Data;
using CasesPortal.Features.Evidence.Model;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Evidence;

/// <summary>
/// One kind of evidence a case holds (alerts, events, indicators): its link table, the records the links point to and
/// the names clients use. The service attaches and detaches every kind through these same operations.
/// </summary>
public abstract class CaseEvidenceKind(EvidenceKind kind, string singular, string plural)
{
    public static readonly CaseEvidenceKind Alerts = new CaseEvidenceKind<CaseAlert, Alert>(EvidenceKind.Alerts, "alert", "alerts",
        nameof(CaseAlert.AlertId), (caseId, id, index, at, by) => new CaseAlert { CaseId = caseId, AlertId = id, Index = index, AttachedAt = at, AttachedById = by },
        CaseAlertFacets.CountInAsync, CaseAlertFacets.CountOutAsync);

    public static readonly CaseEvidenceKind Events = new CaseEvidenceKind<CaseEvent, SecurityEvent>(EvidenceKind.Events, "event", "events",
        nameof(CaseEvent.EventId), (caseId, id, index, at, by) => new CaseEvent { CaseId = caseId, EventId = id, Index = index, AttachedAt = at, AttachedById = by });

    public static readonly CaseEvidenceKind Indicators = new CaseEvidenceKind<CaseIndicator, Indicator>(EvidenceKind.Indicators, "indicator", "indicators",
        nameof(CaseIndicator.IndicatorId), (caseId, id, _, at, by) => new CaseIndicator { CaseId = caseId, IndicatorId = id, AttachedAt = at, AttachedById = by });

    public static readonly IReadOnlyList<CaseEvidenceKind> All = [Alerts, Events, Indicators];

    public static CaseEvidenceKind Of(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Alerts => Alerts,
        EvidenceKind.Events => Events,
        _ => Indicators,
    };

    public EvidenceKind Kind => kind;

    /// <summary>"alert", as in messages and Kibana's comment type.</summary>
    public string Singular => singular;

    /// <summary>"alerts", as in history payloads (<c>{"alerts":3}</c>) and routes.</summary>
    public string Plural => plural;

    /// <summary>The field of the comment body naming the ids: <c>alertId</c>, <c>eventId</c>, <c>indicatorId</c>.</summary>
    public string IdField => singular + "Id";

    /// <summary>"1 alert", "10,000 alerts".</summary>
    public string Count(int n) => $"{n:N0} {(n == 1 ? singular : plural)}";

    internal abstract IQueryable<string> Existing(CasesDbContext db, List<string> ids);
    internal abstract Task<HashSet<string>> AttachedAsync(CasesDbContext db, string caseId, List<string> ids, CancellationToken ct);
    internal abstract Task AddAsync(CasesDbContext db, string caseId, List<EvidenceRef> items, DateTimeOffset at, string userId, CancellationToken ct);
    internal abstract Task<int> InsertMatchingAsync(CasesDbContext db, string caseId, IQueryable<string> ids, DateTimeOffset at, string userId,
        string? index, CancellationToken ct);
    internal abstract Task<int> DeleteAsync(CasesDbContext db, string caseId, List<string> ids, CancellationToken ct);
    internal abstract IQueryable<string> LinkedIds(CasesDbContext db, string caseId);
    internal abstract IQueryable<string> CasesHolding(CasesDbContext db, string evidenceId);

    /// <summary>The link table's name, to tell the engine how many links were made (see <see cref="ISqlDialect.NoteRowsWrittenAsync"/>).</summary>
    internal abstract string LinkTable(CasesDbContext db);
}

/// <summary>Figures kept beside the links (see <see cref="CaseAlertFacets"/>): told of ids about to be linked to or unlinked from a case.</summary>
internal delegate Task LinkFigures(CasesDbContext db, string caseId, IQueryable<string> ids, CancellationToken ct);

internal sealed class CaseEvidenceKind<TLink, TRecord>(EvidenceKind kind, string singular, string plural, string idProperty,
    Func<string, string, string?, DateTimeOffset, string, TLink> create, LinkFigures? countIn = null, LinkFigures? countOut = null)
    : CaseEvidenceKind(kind, singular, plural)
    where TLink : class where TRecord : class
{
    private const string CaseIdProperty = "CaseId";
    private const string IndexProperty = "Index";

    // Id lists go as one JSON parameter (json_each in SQLite): EF 10 would otherwise send one parameter per id,
    // and ten thousand ids would near SQLite's limit on parameters.
    private static IQueryable<TLink> Links(CasesDbContext db, string caseId) => db.Set<TLink>().Where(l => EF.Property<string>(l, CaseIdProperty) == caseId);

    internal override IQueryable<string> Existing(CasesDbContext db, List<string> ids) =>
        db.Set<TRecord>().Select(r => EF.Property<string>(r, "Id")).Where(id => EF.Parameter(ids).Contains(id));

    internal override async Task<HashSet<string>> AttachedAsync(CasesDbContext db, string caseId, List<string> ids, CancellationToken ct) =>
        (await LinkedIds(db, caseId).Where(id => EF.Parameter(ids).Contains(id)).ToListAsync(ct)).ToHashSet();

    internal override async Task AddAsync(CasesDbContext db, string caseId, List<EvidenceRef> items, DateTimeOffset at, string userId, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        if (countIn is not null) await countIn(db, caseId, Existing(db, ids), ct);
        db.Set<TLink>().AddRange(items.Select(i => create(caseId, i.Id, i.Index, at, userId)));
    }

    internal override async Task<int> InsertMatchingAsync(CasesDbContext db, string caseId, IQueryable<string> ids, DateTimeOffset at, string userId,
        string? index, CancellationToken ct)
    {
        var linked = Links(db, caseId);
        var fresh = ids.Where(id => !linked.Any(l => EF.Property<string>(l, idProperty) == id));
        var values = new Dictionary<string, object> { [CaseIdProperty] = caseId, ["AttachedAt"] = at, ["AttachedById"] = userId };
        if (index is not null && db.Model.FindEntityType(typeof(TLink))?.FindProperty(IndexProperty) is not null) values[IndexProperty] = index;
        if (countIn is not null) await countIn(db, caseId, fresh, ct);
        return await db.InsertLinksAsync<TLink>(fresh, idProperty, values, ct);
    }

    internal override async Task<int> DeleteAsync(CasesDbContext db, string caseId, List<string> ids, CancellationToken ct)
    {
        var doomed = Links(db, caseId).Where(l => EF.Parameter(ids).Contains(EF.Property<string>(l, idProperty)));
        if (countOut is not null) await countOut(db, caseId, doomed.Select(l => EF.Property<string>(l, idProperty)), ct);
        return await doomed.ExecuteDeleteAsync(ct);
    }

    internal override IQueryable<string> LinkedIds(CasesDbContext db, string caseId) => Links(db, caseId).Select(l => EF.Property<string>(l, idProperty));

    internal override IQueryable<string> CasesHolding(CasesDbContext db, string evidenceId) =>
        db.Set<TLink>().Where(l => EF.Property<string>(l, idProperty) == evidenceId).Select(l => EF.Property<string>(l, CaseIdProperty));

    internal override string LinkTable(CasesDbContext db) => db.Model.FindEntityType(typeof(TLink))!.GetTableName()!;
}
