using System.Globalization;
using System.Text;

namespace CasesPortal.Features.Cases.Observables;

/// <summary>
/// The observables of a case as CSV (RFC 4180): type, value, ioc, tlp, description, source, created_at. Cells that a
/// spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are prefixed with a quote.
/// </summary>
public static class ObservableCsv
{
    public const string Header = "type,value,ioc,tlp,description,source,created_at";

    public static string Write(IEnumerable<ObservableView> observables)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var o in observables)
        {
            string[] cells = [o.TypeKey, o.Value, o.IsIoc ? "true" : "false", TlpNames.Of(o.Tlp), o.Description ?? "", o.Source,
                o.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }
        return csv.ToString();
    }

    public static string Cell(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"")}\"" : safe;
    }

    public static string FileName(long caseNumber) => $"case-{caseNumber}-observables.csv";
}
