using System.Globalization;
using CasesPortal.Data;

namespace CasesPortal.Features.Cases.Files;

/// <summary>Limits for case files (<c>Files:MaxBytes</c>, <c>Files:MaxImageBytes</c>).</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";
    public const long MiB = 1024 * 1024;

    public long MaxBytes { get; set; } = 100 * MiB;

    public long MaxImageBytes { get; set; } = 10 * MiB;

    /// <summary>Reads the section; a value that is not a positive whole number of bytes stops start-up naming the setting.</summary>
    public static void Read(FilesOptions options, IConfiguration configuration)
    {
        options.MaxBytes = Bytes(configuration, nameof(MaxBytes), options.MaxBytes);
        options.MaxImageBytes = Bytes(configuration, nameof(MaxImageBytes), options.MaxImageBytes);
    }

    private static long Bytes(IConfiguration configuration, string key, long fallback)
    {
        var setting = $"{Section}:{key}";
        if (configuration[setting] is not { } text || text.Trim().Length == 0) return fallback;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ConfigurationProblemException(setting, $"'{text}' is not a positive whole number of bytes (e.g. {100 * MiB} for 100 MiB).");
    }

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
