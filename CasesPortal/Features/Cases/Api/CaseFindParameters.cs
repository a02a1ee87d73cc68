using System.Globalization;
using System.Text.Json;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using Microsoft.Extensions.Primitives;

namespace CasesPortal.Features.Cases.Api;

/// <summary>Kibana's <c>_find</c> query parameters (repeated or single values) as a <see cref="CaseQuery"/>.</summary>
public static class CaseFindParameters
{
    private static readonly Dictionary<string, CaseSortField> SortFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["createdAt"] = CaseSortField.CreatedAt, ["created_at"] = CaseSortField.CreatedAt,
        ["updatedAt"] = CaseSortField.UpdatedAt, ["updated_at"] = CaseSortField.UpdatedAt,
        ["closedAt"] = CaseSortField.ClosedAt, ["closed_at"] = CaseSortField.ClosedAt,
        ["title"] = CaseSortField.Title, ["severity"] = CaseSortField.Severity, ["status"] = CaseSortField.Status,
    };

    public static async Task<(CaseQuery? Query, string? Problem)> ReadAsync(IQueryCollection q, CaseActor actor, CaseQueries queries, CancellationToken ct)
    {
        var problems = new List<string>();
        int Int(string name, int fallback, int max)
        {
            var text = q[name].ToString();
            if (text.Length == 0) return fallback;
            if (int.TryParse(text, out var value) && value >= 1 && value <= max) return value;
            problems.Add($"{name} must be a whole number from 1 to {max} (got '{text}').");
            return fallback;
        }
        List<T> Enums<T>(string name, JsonFields.TryParse<T> parse, IEnumerable<string> allowed)
        {
            var result = new List<T>();
            foreach (var text in Values(q[name]))
                if (parse(text, out var value)) result.Add(value);
                else problems.Add($"{name} must be one of {string.Join(", ", allowed)} (got '{text}').");
            return result;
        }
        DateTimeOffset? Date(string name)
        {
            var text = q[name].ToString();
            if (text.Length == 0) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
            problems.Add($"{name} must be a date such as 2026-11-01 or 2026-11-01T12:00:00Z (got '{text}').");
            return null;
        }

        var sortField = q["sortField"].ToString();
        if (sortField.Length > 0 && !SortFields.ContainsKey(sortField))
            problems.Add($"sortField must be one of createdAt, updatedAt, closedAt, title, severity, status (got '{sortField}').");
        var sortOrder = q["sortOrder"].ToString();
        if (sortOrder.Length > 0 && sortOrder is not ("asc" or "desc")) problems.Add($"sortOrder must be asc or desc (got '{sortOrder}').");

        var assignees = Values(q["assignees"]).Select(a => a == "me" ? actor.UserId : a).ToList();
        var query = new CaseQuery
        {
            Page = Int("page", 1, 10_000),
            PerPage = Int("perPage", 20, CaseQuery.MaxPerPage),
            Statuses = Enums<CaseStatus>("status", CaseNames.TryParseStatus, CaseNames.All<CaseStatus>(CaseNames.Of)),
            Severities = Enums<CaseSeverity>("severity", CaseNames.TryParseSeverity, CaseNames.All<CaseSeverity>(CaseNames.Of)),
            CloseReasons = Enums<CloseReason>("close_reason", CaseNames.TryParseCloseReason, CaseNames.All<CloseReason>(CaseNames.Of)),
            Tags = Values(q["tags"]),
            Categories = Values(q["category"]),
            Search = q["search"].ToString() is { Length: > 0 } search ? search : null,
            CreatedFrom = Date("from"),
            CreatedTo = Date("to"),
            Sort = sortField.Length > 0 && SortFields.TryGetValue(sortField, out var sort) ? sort : CaseSortField.CreatedAt,
            Descending = sortOrder != "asc",
        };
        if (problems.Count > 0) return (null, problems[0]);

        var resolvedAssignees = await queries.ResolveAccountsAsync(assignees.Where(a => a != CaseQuery.Unassigned).ToList(), ct);
        if (assignees.Contains(CaseQuery.Unassigned)) resolvedAssignees.Add(CaseQuery.Unassigned);
        var reporters = await queries.ResolveAccountsAsync(Values(q["reporters"]), ct);
        return (query with { AssigneeIds = resolvedAssignees, ReporterIds = reporters }, null);
    }

    /// <summary>Kibana sends <c>ids=["a","b"]</c>; repeated <c>ids=a&amp;ids=b</c> is accepted too.</summary>
    public static List<string>? ReadIds(StringValues values)
    {
        var ids = new List<string>();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (!value!.TrimStart().StartsWith('[')) { ids.Add(value.Trim()); continue; }
            try
            {
                // A null in the array ([null], ["high",null]) names nothing and is left out.
                ids.AddRange((JsonSerializer.Deserialize<List<string?>>(value) ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!));
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return ids.Count == 0 ? null : ids;
    }

    /// <summary>Values given repeated (<c>tags=a&amp;tags=b</c>) or as a JSON array (<c>tags=["a","b"]</c>).</summary>
    private static List<string> Values(StringValues values) => ReadIds(values) ?? [];
}
