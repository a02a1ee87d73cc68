using CasesPortal.Features.Evidence.Model;
using System.Text.Json;
using CasesPortal.Data;
using CasesPortal.Features.Evidence.Ingest;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Observables;

/// <summary>
/// Takes observables out of evidence newly attached to a case whose <c>extractObservables</c> setting is on, inside
/// the attach transaction: IPs, host names, URLs, hashes, emails, domains and paths from the ECS fields that hold them.
/// Values already on the case and values that fail their type's check are skipped. Reads the rows once, in batch.
/// </summary>
public static class ObservableExtraction
{
    /// <summary>The ECS fields read, and the type each one's values are (null: IPv4 or IPv6, whichever the value is).</summary>
    private static readonly (string Field, string? TypeKey)[] Fields =
    [
        ("source.ip", null), ("destination.ip", null), ("host.name", ObservableRules.Hostname),
        ("url.full", ObservableRules.Url), ("url.original", ObservableRules.Url),
        ("file.hash.md5", ObservableRules.FileHash), ("file.hash.sha1", ObservableRules.FileHash), ("file.hash.sha256", ObservableRules.FileHash),
        ("email.from.address", ObservableRules.Email), ("user.email", ObservableRules.Email),
        ("dns.question.name", ObservableRules.Domain), ("url.domain", ObservableRules.Domain), ("file.path", ObservableRules.FilePath),
    ];

    private static readonly (HashSet<string> Wanted, HashSet<string> Prefixes) Schema = EcsFields.Schema(Fields.Select(f => f.Field));

    /// <summary>
    /// Extracts from the alerts or events linked to the case at <paramref name="now"/> (the attach in progress) when the
    /// case asks for it; returns how many observables were added. Indicators carry no ECS document to extract from.
    /// </summary>
    public static async Task<int> FromNewLinksAsync(CasesDbContext db, string caseId, EvidenceKind kind, string userId, DateTimeOffset now,
        CancellationToken ct)
    {
        if (kind == EvidenceKind.Indicators || !await WantedAsync(db, caseId, ct)) return 0;
        var documents = kind == EvidenceKind.Alerts
            ? await db.CaseAlerts.Where(l => l.CaseId == caseId && l.AttachedAt == now)
                .Join(db.Alerts, l => l.AlertId, a => a.Id, (_, a) => new { Source = "alert:" + a.Id, a.Document }).ToListAsync(ct)
            : await db.CaseEvents.Where(l => l.CaseId == caseId && l.AttachedAt == now)
                .Join(db.SecurityEvents, l => l.EventId, e => e.Id, (_, e) => new { Source = "event:" + e.Id, e.Document }).ToListAsync(ct);
        return await AddAsync(db, caseId, documents.Select(d => (d.Source, d.Document)), userId, now, ct);
    }

    /// <summary>The typed, normalised values of one ECS document (for tests and previews).</summary>
    public static IEnumerable<(string TypeKey, string Value)> ValuesOf(string document)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException)
        {
            yield break;
        }
        using (parsed)
        {
            if (parsed.RootElement.ValueKind != JsonValueKind.Object) yield break;
            var fields = EcsFields.Read(parsed.RootElement, Schema);
            foreach (var (field, typeKey) in Fields)
            {
                if (fields.Text(field, int.MaxValue) is not { } raw) continue;
                var key = typeKey ?? ObservableRules.Detect(raw);
                if (ObservableRules.BuiltIn.FirstOrDefault(t => t.Key == key) is not { } type || (typeKey is null && key is not (ObservableRules.Ipv4 or ObservableRules.Ipv6)))
                    continue;
                if (ObservableRules.Normalize(type, raw) is ({ } value, null)) yield return (type.Key, value);
            }
        }
    }

    private static Task<bool> WantedAsync(CasesDbContext db, string caseId, CancellationToken ct) =>
        db.Cases.AnyAsync(c => c.Id == caseId && c.ExtractObservables, ct);

    private static async Task<int> AddAsync(CasesDbContext db, string caseId, IEnumerable<(string Source, string Document)> documents, string userId,
        DateTimeOffset now, CancellationToken ct)
    {
        var existing = await ObservableService.ExistingKeysAsync(db, caseId, ct);
        var rows = new List<CaseObservable>();
        foreach (var (source, document) in documents)
            foreach (var (typeKey, value) in ValuesOf(document))
                if (existing.Add((typeKey, value)))
                    rows.Add(new CaseObservable
                    {
                        CaseId = caseId, TypeKey = typeKey, Value = value, Source = source[..Math.Min(source.Length, CaseObservable.SourceMaxLength)],
                        CreatedAt = now, CreatedById = userId,
                    });
        if (rows.Count == 0) return 0;
        db.CaseObservables.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
