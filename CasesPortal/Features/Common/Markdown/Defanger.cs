using System.Text.RegularExpressions;

namespace CasesPortal.Features.Common.Markdown;

/// <summary>
/// Rewrites URLs, domains and IPv4 addresses so that nobody opens a pasted indicator by mistake:
/// <c>http://evil.example/x</c> → <c>hxxp://evil[.]example/x</c>, <c>example.com</c> → <c>example[.]com</c>,
/// <c>10.0.0.1</c> → <c>10.0.0[.]1</c>. Text already defanged, and anything else, is left alone.
/// </summary>
public static partial class Defanger
{
    // Names that look like domains but are files analysts write about.
    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "exe", "dll", "sys", "ps1", "psm1", "bat", "cmd", "vbs", "js", "hta", "lnk", "msi", "scr", "jar", "py", "sh",
        "txt", "log", "csv", "json", "xml", "yml", "yaml", "ini", "cfg", "conf", "tmp", "bin", "dat", "db", "iso", "img",
        "pdf", "doc", "docx", "docm", "xls", "xlsx", "xlsm", "ppt", "pptx", "rtf", "png", "jpg", "jpeg", "gif", "bmp", "md",
        "gz", "tar", "7z", "rar",
    };

    public static string Defang(string text) => Indicators().Replace(text, match =>
    {
        if (match.Groups["scheme"].Success)
            return DefangScheme(match.Groups["scheme"].Value) + "://" + BracketLastDot(match.Groups["host"].Value) + match.Groups["rest"].Value;
        if (match.Groups["ip"].Success) return BracketLastDot(match.Value);
        var tld = match.Value[(match.Value.LastIndexOf('.') + 1)..];
        return FileExtensions.Contains(tld) ? match.Value : BracketLastDot(match.Value);
    });

    private static string DefangScheme(string scheme) => scheme.ToLowerInvariant() switch
    {
        "http" => ReplaceTt(scheme),
        "https" => ReplaceTt(scheme),
        "ftp" => scheme[..1] + "xp",
        _ => scheme,
    };

    // Keeps the writer's case: HTTP → HXXP.
    private static string ReplaceTt(string scheme) => scheme[0] + (char.IsUpper(scheme[1]) ? "XX" : "xx") + scheme[3..];

    private static string BracketLastDot(string host)
    {
        var dot = host.LastIndexOf('.');
        return dot < 0 ? host : string.Concat(host.AsSpan(0, dot), "[.]", host.AsSpan(dot + 1));
    }

    [GeneratedRegex(@"(?<![\w.\[-])(?:(?<scheme>https?|ftp)://(?<host>[^\s/:?#\[\]<>""'()]+)(?<rest>[^\s<>""']*)"
        + @"|(?<ip>(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d))(?![\w.]*\w)"
        + @"|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9](?![\w\[-]|\.\w))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Indicators();
}
