using System.Globalization;
using System.Security.Cryptography;
using CasesPortal.Data;
using CasesPortal.Features.Cases.Files;
using Microsoft.Data.Sqlite;

namespace CasesPortal.Hosting.Backup;

/// <summary>What a backup copied, and what it could not.</summary>
public sealed record BackupReport(long DatabaseBytes, int Files, long FileBytes, int MissingFiles, TimeSpan Took)
{
    public string Describe(string target)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Backed up the database ({DatabaseBytes / 1048576.0:N1} MiB) and {Files:N0} case files ({FileBytes / 1048576.0:N1} MiB) to {target} in {Took.TotalSeconds:N1} s.");
        return MissingFiles == 0
            ? text
            : text + string.Create(CultureInfo.InvariantCulture, $" {MissingFiles:N0} files named by the database were missing or damaged in the data folder and are not in the backup.");
    }
}

/// <summary>
/// SQLite's online backup copies the database page by page from one read snapshot, so writers carry on and the copy
/// is exactly the database at one moment (row ids included, which the events' full-text index relies on; VACUUM INTO
/// would renumber them). Case files are content-addressed and never change, so the files the copied database names
/// are copied afterwards and checked against their hash.
/// </summary>
public sealed class SqliteBackup(SqliteDatabaseProvider database, FileStore files)
{
    public const string DatabaseFileName = "cases.db";
    public const string FilesFolderName = "files";

    public async Task<BackupReport> RunAsync(string target, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        Directory.CreateDirectory(target);
        var copy = Path.Combine(target, DatabaseFileName);
        await using (var source = new SqliteConnection(database.ConnectionString))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
        }

        var named = await CheckAndListFilesAsync(copy, ct);
        var (copied, bytes, missing) = (0, 0L, 0);
        foreach (var sha256 in named)
        {
            ct.ThrowIfCancellationRequested();
            var size = await CopyVerifiedAsync(sha256, Path.Combine(target, FilesFolderName, sha256[..2], sha256), ct);
            if (size is null) missing++;
            else (copied, bytes) = (copied + 1, bytes + size.Value);
        }
        return new BackupReport(new FileInfo(copy).Length, copied, bytes, missing, TimeProvider.System.GetElapsedTime(started));
    }

    /// <summary>Checks the copy is a sound database, and lists the file contents it refers to.</summary>
    private static async Task<List<string>> CheckAndListFilesAsync(string copy, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA quick_check;";
        if (await check.ExecuteScalarAsync(ct) is not "ok" and var problem)
            throw new IOException($"the copied database does not pass SQLite's check ({problem}).");
        await using var list = connection.CreateCommand();
        list.CommandText = "SELECT DISTINCT \"Sha256\" FROM \"CaseFiles\" ORDER BY 1;";
        var named = new List<string>();
        await using var reader = await list.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) named.Add(reader.GetString(0));
        return named;
    }

    /// <summary>Copies one stored content, checking its hash on the way; null when it is missing or does not match.</summary>
    private async Task<long?> CopyVerifiedAsync(string sha256, string target, CancellationToken ct)
    {
        if (!File.Exists(files.PathOf(sha256))) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var input = files.OpenRead(sha256))
        await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
        {
            var buffer = new byte[81_920];
            int read;
            while ((read = await input.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
        }
        if (Convert.ToHexStringLower(hash.GetHashAndReset()) == sha256) return size;
        File.Delete(target);
        return null;
    }
}
