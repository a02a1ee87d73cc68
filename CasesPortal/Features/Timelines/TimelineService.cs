using System.Text.Json;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Features.Timelines.Query;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Timelines;

/// <summary>
/// Saved timelines: create, change (with the version the analyst read; a stale one is a conflict), delete, pin and
/// unpin events, add notes. Everyone may read; Analysts, Leads and Admins write. Also the directory the Markdown
/// editor's picker and timeline chips read.
/// </summary>
public sealed class TimelineService(IDbContextFactory<CasesDbContext> factory, TimeProvider clock) : ITimelineDirectory
{
    public const int MaxPerPage = 100;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(IReadOnlyList<TimelineListItem> Items, int Total)> FindAsync(string? search, int page = 1, int perPage = 20, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var timelines = Matching(db, search);
        var total = await timelines.CountAsync(ct);
        var size = Math.Clamp(perPage, 1, MaxPerPage);
        var rows = await timelines.OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Id).Skip((Math.Max(page, 1) - 1) * size).Take(size)
            .Select(t => new { t.Id, t.Title, t.Description, t.Query, Pins = db.TimelinePins.Count(p => p.TimelineId == t.Id), t.UpdatedAt, t.UpdatedById })
            .ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, rows.Select(r => r.UpdatedById), ct);
        return (rows.Select(r => new TimelineListItem(r.Id, r.Title, r.Description, r.Query, r.Pins, r.UpdatedAt, PeopleDirectory.Resolve(people, r.UpdatedById))).ToList(), total);
    }

    public async Task<IReadOnlyList<TimelineSummary>> SearchAsync(string? text, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Matching(db, text).OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Id).Take(Math.Clamp(take, 1, MaxPerPage))
            .Select(t => new TimelineSummary(t.Id, t.Title, t.UpdatedAt)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> TitlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return new Dictionary<string, string>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var wanted = ids.Distinct().ToList();
        return await db.Timelines.Where(t => wanted.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Title, cancellationToken);
    }

    private static IQueryable<Timeline> Matching(CasesDbContext db, string? search)
    {
        var timelines = db.Timelines.AsNoTracking();
        if (string.IsNullOrWhiteSpace(search)) return timelines;
        var pattern = "%" + search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        // An analyst looks for an investigation by what it is about: its title, its description or the host or user it queries.
        return timelines.Where(t => EF.Functions.Like(t.Title, pattern, "\\") || EF.Functions.Like(t.Description, pattern, "\\")
            || EF.Functions.Like(t.Query, pattern, "\\"));
    }

    public async Task<TimelineView?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ViewAsync(db, id, ct);
    }

    public async Task<ServiceResult<TimelineView>> CreateAsync(CaseActor actor, TimelineInput input, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("create timelines");
        if (string.IsNullOrWhiteSpace(input.Title)) return ServiceError.Invalid("title is required.");
        if (Validate(input) is { } problem) return ServiceError.Invalid(problem);
        var now = clock.GetUtcNow();
        var timeline = new Timeline { CreatedAt = now, CreatedById = actor.UserId, UpdatedAt = now, UpdatedById = actor.UserId };
        Apply(timeline, input with { Columns = input.Columns ?? TimelineView.DefaultColumns, Range = input.Range ?? TimelineRange.Last("24h") });
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Timelines.Add(timeline);
        await db.SaveChangesAsync(ct);
        return ServiceResult<TimelineView>.Ok((await ViewAsync(db, timeline.Id, ct))!);
    }

    public async Task<ServiceResult<TimelineView>> UpdateAsync(CaseActor actor, string id, string? version, TimelineInput input, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("change timelines");
        if (CaseVersion.Decode(version) is not { } seen) return ServiceError.Invalid("version is required (the version you last read).");
        if (input.Title is not null && string.IsNullOrWhiteSpace(input.Title)) return ServiceError.Invalid("title must not be empty.");
        if (Validate(input) is { } problem) return ServiceError.Invalid(problem);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Timelines.SingleOrDefaultAsync(t => t.Id == id, ct) is not { } timeline) return NotFound(id);
        if (timeline.Version != seen)
            return ServiceError.Conflict($"Timeline {id} has been changed by someone else since you read it (version {CaseVersion.Encode(seen)}, now {CaseVersion.Encode(timeline.Version)}). Reload it and apply your change again.");
        Apply(timeline, input);
        timeline.UpdatedAt = clock.GetUtcNow();
        timeline.UpdatedById = actor.UserId;
        timeline.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceError.Conflict($"Timeline {id} has been changed by someone else meanwhile. Reload it and apply your change again.");
        }
        return ServiceResult<TimelineView>.Ok((await ViewAsync(db, id, ct))!);
    }

    public async Task<ServiceResult<bool>> DeleteAsync(CaseActor actor, string id, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("delete timelines");
        await using var db = await factory.CreateDbContextAsync(ct);
        // Pins and notes go with it (cascade); snapshots attached to cases stay.
        return await db.Timelines.Where(t => t.Id == id).ExecuteDeleteAsync(ct) == 0 ? NotFound(id) : ServiceResult<bool>.Ok(true);
    }

    /// <summary>Pins (or with <paramref name="pinned"/> false, unpins) an event on the timeline; doing it twice changes nothing.</summary>
    public async Task<ServiceResult<bool>> PinAsync(CaseActor actor, string id, string eventId, bool pinned = true, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("pin events");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Timelines.AnyAsync(t => t.Id == id, ct)) return NotFound(id);
        if (!pinned)
        {
            await db.TimelinePins.Where(p => p.TimelineId == id && p.EventId == eventId).ExecuteDeleteAsync(ct);
            return ServiceResult<bool>.Ok(false);
        }
        if (!await db.SecurityEvents.AnyAsync(e => e.Id == eventId, ct)) return ServiceError.Invalid($"Event {eventId} not found.");
        if (!await db.TimelinePins.AnyAsync(p => p.TimelineId == id && p.EventId == eventId, ct))
        {
            db.TimelinePins.Add(new TimelinePin { TimelineId = id, EventId = eventId, PinnedAt = clock.GetUtcNow(), PinnedById = actor.UserId });
            await db.SaveChangesAsync(ct);
        }
        return ServiceResult<bool>.Ok(true);
    }

    /// <summary>Adds a Markdown note to the timeline, or to one of its events.</summary>
    public async Task<ServiceResult<TimelineNoteView>> AddNoteAsync(CaseActor actor, string id, string? eventId, string? text, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("add notes to timelines");
        if (string.IsNullOrWhiteSpace(text)) return ServiceError.Invalid("A note needs some text.");
        if (text.Length > TimelineNote.TextMaxLength) return ServiceError.Invalid($"A note is at most {TimelineNote.TextMaxLength:N0} characters ({text.Length:N0} given).");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Timelines.AnyAsync(t => t.Id == id, ct)) return NotFound(id);
        if (eventId is not null && !await db.SecurityEvents.AnyAsync(e => e.Id == eventId, ct)) return ServiceError.Invalid($"Event {eventId} not found.");
        var note = new TimelineNote { TimelineId = id, EventId = eventId, Text = text.Trim(), CreatedAt = clock.GetUtcNow(), CreatedById = actor.UserId };
        db.TimelineNotes.Add(note);
        await db.SaveChangesAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, [actor.UserId], ct);
        return ServiceResult<TimelineNoteView>.Ok(new TimelineNoteView(note.Id, note.EventId, note.Text, note.CreatedAt, PeopleDirectory.Resolve(people, actor.UserId)));
    }

    /// <summary>Deletes a note: its author may, and Leads and Admins may delete anyone's.</summary>
    public async Task<ServiceResult<bool>> DeleteNoteAsync(CaseActor actor, string id, string noteId, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("delete notes");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.TimelineNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noteId && n.TimelineId == id, ct) is not { } note)
            return ServiceError.NotFound($"Note {noteId} not found on timeline {id}.");
        if (!actor.MayChangeComment(note.CreatedById)) return new ServiceError(StatusCodes.Status403Forbidden, "Only the note's author, a Lead or an Admin may delete it.");
        await db.TimelineNotes.Where(n => n.Id == noteId).ExecuteDeleteAsync(ct);
        return ServiceResult<bool>.Ok(true);
    }

    private static ServiceError NotFound(string id) => ServiceError.NotFound($"Timeline {id} not found.");

    /// <summary>Why the input cannot be saved, or null. A query must parse: a saved timeline always runs.</summary>
    public static string? Validate(TimelineInput input)
    {
        if (input.Title?.Trim().Length > Timeline.TitleMaxLength) return $"title is at most {Timeline.TitleMaxLength} characters.";
        if (input.Description?.Length > Timeline.DescriptionMaxLength) return $"description is at most {Timeline.DescriptionMaxLength:N0} characters.";
        if (input.Query is not null && KqlParser.Parse(input.Query).Error is { } error) return $"query: {error}";
        if (input.Filters?.Count > TimelineFilter.MaxFilters) return $"At most {TimelineFilter.MaxFilters} filters.";
        if (input.Filters?.Select(f => f.Problem()).FirstOrDefault(p => p is not null) is { } filterProblem) return filterProblem;
        if (input.Range?.Problem() is { } rangeProblem) return rangeProblem;
        if (input.Columns?.Count > Timeline.MaxColumns) return $"At most {Timeline.MaxColumns} columns.";
        if (input.Columns?.FirstOrDefault(c => !KqlFields.IsValidName(c ?? "")) is { } badColumn) return $"Column '{badColumn}' is not a field name.";
        if (input.SortField is { } sort && !KqlFields.Sortable.Contains(sort))
            return $"sortField must be one of the indexed fields {string.Join(", ", KqlFields.Sortable)} (got '{sort}').";
        return null;
    }

    private static void Apply(Timeline timeline, TimelineInput input)
    {
        if (input.Title is not null) timeline.Title = input.Title.Trim();
        if (input.Description is not null) timeline.Description = input.Description;
        if (input.Query is not null) timeline.Query = input.Query.Trim();
        if (input.Filters is not null) timeline.Filters = JsonSerializer.Serialize(input.Filters, Json);
        if (input.Range is not null) (timeline.RangeRelative, timeline.RangeFrom, timeline.RangeTo) = (input.Range.Relative, input.Range.From, input.Range.To);
        if (input.Columns is not null) timeline.Columns = JsonSerializer.Serialize(input.Columns.Distinct().ToList(), Json);
        if (input.SortField is not null) timeline.SortField = input.SortField;
        if (input.SortAscending is { } ascending) timeline.SortAscending = ascending;
    }

    private static async Task<TimelineView?> ViewAsync(CasesDbContext db, string id, CancellationToken ct)
    {
        if (await db.Timelines.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) is not { } t) return null;
        var pins = await db.TimelinePins.AsNoTracking().Where(p => p.TimelineId == id).OrderByDescending(p => p.PinnedAt).ToListAsync(ct);
        var notes = await db.TimelineNotes.AsNoTracking().Where(n => n.TimelineId == id).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, [t.CreatedById, t.UpdatedById, .. pins.Select(p => p.PinnedById), .. notes.Select(n => n.CreatedById)], ct);
        return new TimelineView(t.Id, t.Title, t.Description, t.Query,
            JsonSerializer.Deserialize<List<TimelineFilter>>(t.Filters, Json) ?? [], new TimelineRange(t.RangeRelative, t.RangeFrom, t.RangeTo),
            JsonSerializer.Deserialize<List<string>>(t.Columns, Json) ?? [], t.SortField, t.SortAscending,
            pins.Select(p => new TimelinePinView(p.EventId, p.PinnedAt, PeopleDirectory.Resolve(people, p.PinnedById))).ToList(),
            notes.Select(n => new TimelineNoteView(n.Id, n.EventId, n.Text, n.CreatedAt, PeopleDirectory.Resolve(people, n.CreatedById))).ToList(),
            t.CreatedAt, PeopleDirectory.Resolve(people, t.CreatedById), t.UpdatedAt, PeopleDirectory.Resolve(people, t.UpdatedById), CaseVersion.Encode(t.Version));
    }
}
