using System.Text;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Case and comment versions on the wire look like Kibana's (<c>WzQsMV0=</c>, base64 of <c>[4,1]</c>).</summary>
public static class CaseVersion
{
    public static string Encode(int version) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"[{version},1]"));

    public static int? Decode(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var inner = text.Trim('[', ']').Split(',')[0];
            return int.TryParse(inner, out var version) ? version : null;
        }
        catch (FormatException)
        {
            return int.TryParse(encoded, out var plain) ? plain : null;
        }
    }
}
