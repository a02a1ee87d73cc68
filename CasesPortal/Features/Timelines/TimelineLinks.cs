using System.Text.RegularExpressions;

namespace CasesPortal.Features.Timelines;

/// <summary>A saved timeline as the editor's picker and the Markdown timeline chips see it.</summary>
public sealed record TimelineSummary(string Id, string Title, DateTimeOffset UpdatedAt);

/// <summary>Looks up saved timelines for links in Markdown: the picker that inserts a link and the chips that render one.</summary>
public interface ITimelineDirectory
{
    /// <summary>Timelines whose title contains <paramref name="text"/> (all when empty), newest first.</summary>
    Task<IReadOnlyList<TimelineSummary>> SearchAsync(string? text, int take, CancellationToken cancellationToken = default);

    /// <summary>The titles of those of <paramref name="ids"/> that exist here; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> TitlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);
}

/// <summary>Kibana's timeline address form, <c>/timelines?timeline=(id:'ID',isOpen:!t)</c>, built and read back.</summary>
public static partial class TimelineLinks
{
    public static string Url(string baseUrl, string id) => $"{baseUrl.TrimEnd('/')}/timelines?timeline=(id:'{id}',isOpen:!t)";

    /// <summary>Reads the timeline id from a Kibana-style timeline URL (quotes written as <c>'</c> or <c>%27</c>).</summary>
    public static bool TryReadId(string? url, out string id)
    {
        id = "";
        if (string.IsNullOrEmpty(url) || !url.Contains("timelines?timeline=(id", StringComparison.Ordinal)) return false;
        var match = IdPattern().Match(url.Replace("%27", "'", StringComparison.OrdinalIgnoreCase));
        if (!match.Success) return false;
        id = match.Groups["id"].Value;
        return true;
    }

    [GeneratedRegex(@"timeline=\(id:'(?<id>[^']{1,100})'")]
    private static partial Regex IdPattern();
}
