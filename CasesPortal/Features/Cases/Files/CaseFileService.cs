using CasesPortal.Data;
using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CasesPortal.Features.Cases.Files;

/// <summary>A file of a case as pages and the API show it.</summary>
public sealed record CaseFileView(string Id, string CaseId, string FileName, string ContentType, long Size, string Sha256, bool Malicious,
    DateTimeOffset UploadedAt, PersonRef UploadedBy)
{
    /// <summary>Shown inline as a picture: a proven png, jpeg, gif or webp that nobody flagged.</summary>
    public bool Previewable => !Malicious && FileNames.IsPreviewable(ContentType);
}

/// <summary>What a download hands out: the original bytes, or for a malicious file the password-protected zip.</summary>
public sealed record FileDownload(Stream Content, string FileName, string ContentType, bool Zipped);

/// <summary>
/// Files attached to cases. Viewers read and download; Analysts, Leads and Admins upload and flag; Analysts remove
/// their own files, Leads and Admins anyone's. Files of a trashed case are out of reach. Each upload, flag and removal
/// writes one history line (type <c>attachment</c>) in the same transaction and tells open case pages.
/// </summary>
public sealed class CaseFileService(IDbContextFactory<CasesDbContext> dbFactory, FileStore store, IOptions<FilesOptions> options,
    CaseEvents events, TimeProvider clock)
{
    public FilesOptions Limits => options.Value;

    /// <summary>Checks before any bytes are read that the actor may attach to this case.</summary>
    public async Task<ServiceError?> CheckUploadAsync(CaseActor actor, string caseId, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("attach files to cases");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LiveCaseAsync(db, caseId, ct) ? null : CaseErrors.NotFound(caseId);
    }

    /// <summary>Receives one file's content (hashing it on the way), refusing it as soon as it passes its limit.</summary>
    public async Task<ServiceResult<StagedFile>> StageAsync(Stream content, string? fileName, string? contentType, CancellationToken ct = default)
    {
        var name = FileNames.Sanitize(fileName);
        var (staged, tooLarge) = await store.StageAsync(content, name, contentType, Limits.LimitFor(name, contentType), ct);
        return tooLarge is null ? ServiceResult<StagedFile>.Ok(staged!) : TooLargeError(name, tooLarge.Limit);
    }

    /// <summary>Attaches staged files to the case with one history line; the staged files are consumed either way.</summary>
    public async Task<ServiceResult<IReadOnlyList<CaseFileView>>> AttachAsync(CaseActor actor, string caseId, IReadOnlyList<StagedFile> staged,
        bool malicious = false, CancellationToken ct = default)
    {
        try
        {
            if (!actor.CanWrite) return CaseErrors.Forbidden("attach files to cases");
            if (staged.Count == 0) return ServiceError.Invalid("Choose at least one file to attach.");
            foreach (var file in staged)
            {
                file.FileName = FileNames.Sanitize(file.FileName);
                var limit = Limits.LimitFor(file.FileName, file.DeclaredType ?? file.ContentType);
                if (file.Size > limit) return TooLargeError(file.FileName, limit);
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await LiveCaseAsync(db, caseId, ct)) return CaseErrors.NotFound(caseId);
            var now = clock.GetUtcNow();
            var rows = staged.Select(f => new CaseFile
            {
                CaseId = caseId, FileName = f.FileName, ContentType = f.ContentType, Size = f.Size, Sha256 = f.Sha256,
                Malicious = malicious, UploadedAt = now, UploadedById = actor.UserId,
            }).ToList();
            db.CaseFiles.AddRange(rows);
            new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Attachment, CaseActions.Create,
                new { attachment = new { count = rows.Count, malicious, files = rows.Select(Describe) } });
            await db.SaveChangesAsync(ct);
            foreach (var file in staged) store.Commit(file);
            await TouchCaseAsync(db, caseId, actor.UserId, now, ct);
            await tx.CommitAsync(ct);
            events.Publish(new CaseChanged(caseId, actor.UserId, "files"));
            var ids = rows.Select(r => r.Id).ToList();
            return ServiceResult<IReadOnlyList<CaseFileView>>.Ok(await ProjectAsync(db, db.CaseFiles.Where(f => ids.Contains(f.Id)), ct));
        }
        finally
        {
            foreach (var file in staged) file.Dispose();
        }
    }

    /// <summary>The case's files, newest first; null when the case is unknown or in the Trash.</summary>
    public async Task<IReadOnlyList<CaseFileView>?> ListAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await LiveCaseAsync(db, caseId, ct)) return null;
        return await ProjectAsync(db, Live(db, caseId), ct);
    }

    public async Task<int> CountAsync(string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Live(db, caseId).CountAsync(ct);
    }

    public async Task<ServiceResult<CaseFileView>> GetAsync(string caseId, string fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await LiveCaseAsync(db, caseId, ct)) return CaseErrors.NotFound(caseId);
        var found = await ProjectAsync(db, Live(db, caseId).Where(f => f.Id == fileId), ct);
        return found.Count == 1 ? ServiceResult<CaseFileView>.Ok(found[0]) : FileNotFound(caseId, fileId);
    }

    /// <summary>Opens a file for download: a malicious one only inside a zip protected with the password "infected".</summary>
    public async Task<ServiceResult<FileDownload>> OpenAsync(CaseActor actor, string caseId, string fileId, CancellationToken ct = default)
    {
        if (!actor.CanRead) return CaseErrors.Forbidden("read case files");
        var found = await GetAsync(caseId, fileId, ct);
        if (!found.Succeeded) return found.Error!;
        var file = found.Value!;
        var content = store.OpenRead(file.Sha256);
        if (!file.Malicious)
            return ServiceResult<FileDownload>.Ok(new FileDownload(content, file.FileName, file.Previewable ? file.ContentType : FileNames.OctetStream, false));
        await using (content)
            return ServiceResult<FileDownload>.Ok(new FileDownload(await MaliciousZip.CreateAsync(content, file.FileName, file.UploadedAt, ct),
                MaliciousZip.NameFor(file.FileName), "application/zip", true));
    }

    public async Task<ServiceResult<CaseFileView>> SetMaliciousAsync(CaseActor actor, string caseId, string fileId, bool malicious, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("flag case files");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await LiveCaseAsync(db, caseId, ct)) return CaseErrors.NotFound(caseId);
        var file = await Live(db, caseId).SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null) return FileNotFound(caseId, fileId);
        if (file.Malicious != malicious)
        {
            var now = clock.GetUtcNow();
            file.Malicious = malicious;
            new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Attachment, CaseActions.Update,
                new { attachment = new { malicious, files = new[] { Describe(file) } } }, new { malicious = !malicious });
            await db.SaveChangesAsync(ct);
            events.Publish(new CaseChanged(caseId, actor.UserId, "files"));
        }
        return ServiceResult<CaseFileView>.Ok((await ProjectAsync(db, db.CaseFiles.Where(f => f.Id == fileId), ct))[0]);
    }

    /// <summary>Removes a file from the case (the row stays, marked deleted, and so do the bytes).</summary>
    public async Task<ServiceResult<CaseFileView>> RemoveAsync(CaseActor actor, string caseId, string fileId, CancellationToken ct = default)
    {
        if (!actor.CanWrite) return CaseErrors.Forbidden("remove case files");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LiveCaseAsync(db, caseId, ct)) return CaseErrors.NotFound(caseId);
        var file = await Live(db, caseId).SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null) return FileNotFound(caseId, fileId);
        if (!actor.CanDelete && file.UploadedById != actor.UserId) return CaseErrors.Forbidden("remove files other people attached");

        var now = clock.GetUtcNow();
        (file.DeletedAt, file.DeletedById) = (now, actor.UserId);
        new CaseHistoryWriter(db, actor.UserId, now).Add(caseId, CaseActions.Attachment, CaseActions.Delete,
            new { attachment = new { count = 1, files = new[] { Describe(file) } } });
        await db.SaveChangesAsync(ct);
        await TouchCaseAsync(db, caseId, actor.UserId, now, ct);
        await tx.CommitAsync(ct);
        events.Publish(new CaseChanged(caseId, actor.UserId, "files"));
        return ServiceResult<CaseFileView>.Ok((await ProjectAsync(db, db.CaseFiles.Where(f => f.Id == fileId), ct))[0]);
    }

    /// <summary>
    /// Deletes content no file row points to any more (the files of purged cases). Runs inside a write transaction, so
    /// no upload is between saving its row and moving its content into place meanwhile.
    /// </summary>
    public async Task<int> DeleteUnreferencedContentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var used = (await db.CaseFiles.Select(f => f.Sha256).Distinct().ToListAsync(ct)).ToHashSet();
        var deleted = store.DeleteAllExcept(used);
        await tx.CommitAsync(ct);
        return deleted;
    }

    public ServiceError TooLargeError(string fileName, long limit) => new(StatusCodes.Status413PayloadTooLarge,
        $"{fileName} is larger than the {FilesOptions.Describe(limit)} allowed for {(limit < Limits.MaxBytes ? "images" : "files")}.");

    private static ServiceError FileNotFound(string caseId, string fileId) => ServiceError.NotFound($"File {fileId} not found in case {caseId}.");

    private static object Describe(CaseFile f) => new { id = f.Id, name = f.FileName, size = f.Size, sha256 = f.Sha256 };

    private static IQueryable<CaseFile> Live(CasesDbContext db, string caseId) => db.CaseFiles.Where(f => f.CaseId == caseId && f.DeletedAt == null);

    private static Task<bool> LiveCaseAsync(CasesDbContext db, string caseId, CancellationToken ct) =>
        db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedAt == null, ct);

    private static Task TouchCaseAsync(CasesDbContext db, string caseId, string userId, DateTimeOffset now, CancellationToken ct) =>
        db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(set => set.SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.UpdatedById, userId), ct);

    private static async Task<IReadOnlyList<CaseFileView>> ProjectAsync(CasesDbContext db, IQueryable<CaseFile> rows, CancellationToken ct)
    {
        var files = await rows.AsNoTracking().OrderByDescending(f => f.UploadedAt).ThenBy(f => f.FileName).ToListAsync(ct);
        var people = await PeopleDirectory.LoadAsync(db, files.Select(f => f.UploadedById), ct);
        return files.Select(f => new CaseFileView(f.Id, f.CaseId, f.FileName, f.ContentType, f.Size, f.Sha256, f.Malicious, f.UploadedAt,
            PeopleDirectory.Resolve(people, f.UploadedById))).ToList();
    }
}
