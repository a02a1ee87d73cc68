using ICSharpCode.SharpZipLib.Zip;

namespace CasesPortal.Features.Cases.Files;

/// <summary>
/// Wraps a malicious file the way the field exchanges samples: a zip protected with the password <c>infected</c>
/// (traditional ZipCrypto, which every unzip tool opens), so no tool or scanner touches the bytes by accident.
/// </summary>
public static class MaliciousZip
{
    public const string Password = "infected";

    /// <summary>Writes the zip to a temporary file that is deleted when the returned stream is closed.</summary>
    public static async Task<Stream> CreateAsync(Stream content, string entryName, DateTimeOffset modified, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"casesportal-{Guid.NewGuid():N}.zip");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var zip = new ZipOutputStream(file) { IsStreamOwner = false, Password = Password })
            {
                zip.SetLevel(6);
                zip.PutNextEntry(new ZipEntry(ZipEntry.CleanName(entryName)) { DateTime = modified.UtcDateTime });
                await content.CopyToAsync(zip, ct);
                zip.CloseEntry();
                zip.Finish();
            }
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static string NameFor(string fileName) => $"{fileName}.zip";
}
