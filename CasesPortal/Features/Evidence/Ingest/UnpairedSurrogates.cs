using System.Globalization;
using System.Text;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>
/// Finds a <c>\uD800</c>–<c>\uDFFF</c> escape in JSON text that is not one half of a surrogate pair. JSON's grammar lets
/// such an escape through, but the string it makes is not Unicode: System.Text.Json refuses to read or write it, so a
/// document holding one would be stored and then break every page and response that shows it. Raw UTF-8 cannot carry a
/// surrogate (the reader refuses it), so looking at the escapes is enough.
/// </summary>
public static class UnpairedSurrogates
{
    /// <summary>The first unpaired surrogate escape, as written (<c>\ud800</c>), or null when there is none.</summary>
    public static string? Find(ReadOnlySpan<byte> json)
    {
        var i = json.IndexOf((byte)'\\');
        while (i >= 0 && i + 1 < json.Length)
        {
            if (json[i + 1] != (byte)'u' || Unit(json, i) is not { } unit)
            {
                i = Next(json, i + 2);
                continue;
            }
            if (unit is >= 0xDC00 and <= 0xDFFF) return Written(json, i);
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 7 >= json.Length || json[i + 6] != (byte)'\\' || json[i + 7] != (byte)'u' || Unit(json, i + 6) is not (>= 0xDC00 and <= 0xDFFF))
                    return Written(json, i);
                i = Next(json, i + 12);
                continue;
            }
            i = Next(json, i + 6);
        }
        return null;
    }

    private static int Next(ReadOnlySpan<byte> json, int from) =>
        from >= json.Length ? -1 : json[from..].IndexOf((byte)'\\') is var at and >= 0 ? from + at : -1;

    /// <summary>The UTF-16 unit of the <c>\uXXXX</c> escape at <paramref name="at"/>, or null when it is cut short or not hex.</summary>
    private static int? Unit(ReadOnlySpan<byte> json, int at) =>
        at + 6 <= json.Length && int.TryParse(json.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
            ? unit
            : null;

    private static string Written(ReadOnlySpan<byte> json, int at) => Encoding.ASCII.GetString(json.Slice(at, Math.Min(6, json.Length - at)));
}
