using System.Globalization;

namespace CasesPortal.Features.Evidence.Import;

/// <summary>File sizes as people read them: 512 bytes, 48 KB, 3.2 MB, 100 MB.</summary>
public static class ByteSize
{
    public static string Text(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{Math.Round(bytes / 1024.0).ToString(CultureInfo.InvariantCulture)} KB",
        _ => $"{Math.Round(bytes / (1024.0 * 1024), bytes < 10L * 1024 * 1024 ? 1 : 0).ToString(CultureInfo.InvariantCulture)} MB",
    };
}
