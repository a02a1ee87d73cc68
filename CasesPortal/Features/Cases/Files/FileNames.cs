namespace CasesPortal.Features.Cases.Files;

/// <summary>File names and types: names made safe to store and show, and the few image types the portal previews.</summary>
public static class FileNames
{
    public const string OctetStream = "application/octet-stream";

    /// <summary>The only types ever served inline; never SVG, which can carry script.</summary>
    public static readonly IReadOnlyList<string> PreviewTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    private static readonly string[] ImageExtensions =
        [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".svgz", ".bmp", ".tif", ".tiff", ".ico", ".heic", ".heif", ".avif"];

    /// <summary>
    /// The last path segment only (so <c>../../x</c> is <c>x</c>), without control characters, characters Windows
    /// refuses or leading dots, at most 255 characters with the extension kept; "file" when nothing is left.
    /// </summary>
    public static string Sanitize(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var cleaned = new string(last.Select(c => char.IsControl(c) || "<>:\"|?*".Contains(c) ? '_' : c).ToArray()).Trim().TrimStart('.').Trim();
        if (cleaned.Length == 0 || cleaned.All(c => c is '_' or '.')) return "file";
        if (cleaned.Length <= CaseFile.NameMaxLength) return cleaned;
        var extension = Path.GetExtension(cleaned);
        if (extension.Length > 16) extension = "";
        return cleaned[..(CaseFile.NameMaxLength - extension.Length)] + extension;
    }

    /// <summary>Whether the image limit applies: an image extension or an image content type, whatever the bytes say.</summary>
    public static bool LooksLikeImage(string fileName, string? contentType) =>
        ImageExtensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()) ||
        (contentType?.Trim().StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? false);

    public static bool IsPreviewable(string contentType) => PreviewTypes.Contains(contentType);

    /// <summary>The previewable image type the first bytes prove, or null.</summary>
    public static string? SniffImage(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return "image/gif";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>What to record as the type: a proven image type, else the declared type (kept for information only).</summary>
    public static string Recorded(string? declared, string? sniffed)
    {
        if (sniffed is not null) return sniffed;
        var type = declared?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        // A declared image type the bytes do not prove is not believed.
        if (type.Length == 0 || type.Length > CaseFile.ContentTypeMaxLength || IsPreviewable(type) || !type.Contains('/')) return OctetStream;
        return type;
    }
}
