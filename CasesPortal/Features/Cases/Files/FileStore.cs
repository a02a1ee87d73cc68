using System.Security.Cryptography;
using CasesPortal.Data;

namespace CasesPortal.Features.Cases.Files;

/// <summary>A file received and hashed, waiting in the incoming folder until its case row is saved.</summary>
public sealed class StagedFile(string tempPath, string fileName, string? declaredType, string contentType, long size, string sha256) : IDisposable
{
    internal string TempPath { get; } = tempPath;
    public string FileName { get; set; } = fileName;
    public string? DeclaredType { get; } = declaredType;
    public string ContentType { get; } = contentType;
    public long Size { get; } = size;
    public string Sha256 { get; } = sha256;

    public void Dispose()
    {
        try { File.Delete(TempPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The content was larger than the limit that applies to it.</summary>
public sealed record TooLarge(long Limit);

/// <summary>
/// Content-addressed storage under the data folder: <c>files/&lt;first two hex digits&gt;/&lt;sha256&gt;</c>, so the same
/// content is kept once however often it is attached. Uploads stream to <c>files/incoming</c> while being hashed and
/// measured, and move into place only when their row is saved.
/// </summary>
public sealed class FileStore(IDatabaseProvider database)
{
    private const int BufferSize = 81_920;

    public string Root { get; } = Path.Combine(database.DataFolder, "files");

    private string Incoming => Path.Combine(Root, "incoming");

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    /// <summary>Copies the content to a temporary file, hashing it on the way; stops as soon as it passes <paramref name="limit"/>.</summary>
    public async Task<(StagedFile? File, TooLarge? TooLarge)> StageAsync(Stream content, string fileName, string? declaredType, long limit, CancellationToken ct)
    {
        Directory.CreateDirectory(Incoming);
        var temp = Path.Combine(Incoming, Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        var head = new byte[16];
        long size = 0;
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    if (size < head.Length) buffer.AsSpan(0, (int)Math.Min(read, head.Length - size)).CopyTo(head.AsSpan((int)size));
                    size += read;
                    if (size > limit)
                    {
                        output.Close();
                        File.Delete(temp);
                        return (null, new TooLarge(limit));
                    }
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            var sniffed = FileNames.SniffImage(head.AsSpan(0, (int)Math.Min(size, head.Length)));
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            return (new StagedFile(temp, fileName, declaredType, FileNames.Recorded(declaredType, sniffed), size, sha), null);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Moves the staged content into place, unless the same content is already stored.</summary>
    public void Commit(StagedFile staged)
    {
        var target = PathOf(staged.Sha256);
        if (File.Exists(target))
        {
            staged.Dispose();
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(staged.TempPath, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another upload of the same content won the race; theirs is identical.
            staged.Dispose();
        }
    }

    /// <summary>Deletes stored content whose hash is not in <paramref name="keep"/>; returns how many were deleted.</summary>
    public int DeleteAllExcept(IReadOnlySet<string> keep)
    {
        if (!Directory.Exists(Root)) return 0;
        var deleted = 0;
        foreach (var folder in Directory.EnumerateDirectories(Root).Where(d => Path.GetFileName(d).Length == 2))
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(file);
                if (name.Length != 64 || !name.All(char.IsAsciiHexDigitLower) || keep.Contains(name)) continue;
                File.Delete(file);
                deleted++;
            }
        return deleted;
    }

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
}
