using System.ComponentModel.DataAnnotations;

namespace CasesPortal.Features.Cases.Files;

/// <summary>Limits for case files (<c>Files:MaxBytes</c>, <c>Files:MaxImageBytes</c>).</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";
    public const long MiB = 1024 * 1024;

    [Range(1, long.MaxValue, ErrorMessage = "Files:MaxBytes must be a positive number of bytes.")]
    public long MaxBytes { get; set; } = 100 * MiB;

    [Range(1, long.MaxValue, ErrorMessage = "Files:MaxImageBytes must be a positive number of bytes.")]
    public long MaxImageBytes { get; set; } = 10 * MiB;

    /// <summary>The limit for a file of this name and declared type (images have their own, smaller one).</summary>
    public long LimitFor(string fileName, string? contentType) =>
        FileNames.LooksLikeImage(fileName, contentType) ? Math.Min(MaxImageBytes, MaxBytes) : MaxBytes;

    public static string Describe(long bytes) => bytes switch
    {
        >= MiB when bytes % MiB == 0 => $"{bytes / MiB} MiB",
        >= MiB => $"{bytes / (double)MiB:0.#} MiB",
        >= 1024 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
