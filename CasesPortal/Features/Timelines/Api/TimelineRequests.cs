using System.Globalization;
using System.Text.Json;
using CasesPortal.Features.Cases.Api;
using CasesPortal.Features.Timelines.Model;
using CasesPortal.Features.Timelines.Query;

namespace CasesPortal.Features.Timelines.Api;

/// <summary>Reads timeline request bodies, with one clear message for the first wrong field.</summary>
public static class TimelineRequests
{
    public static (TimelineInput? Input, string? Version, string? Problem) ReadTimeline(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, null, "The request body must be a JSON object.");
        var fields = new JsonFields(body, "");
        var input = new TimelineInput
        {
            Title = fields.String("title"),
            Description = fields.String("description"),
            Query = fields.String("query"),
            Filters = Filters(body, fields),
            Range = Range(fields),
            Columns = fields.Strings("columns"),
            SortField = fields.String("sortField"),
            SortAscending = fields.String("sort") is { } sort ? sort switch { "asc" => true, "desc" => false, _ => Fail<bool?>(fields, "sort must be asc or desc.") } : null,
        };
        return (input, fields.String("version"), fields.Problem);
    }

    public static (TimelineSearch? Search, string? Problem) ReadSearch(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "The request body must be a JSON object.");
        var fields = new JsonFields(body, "");
        var search = new TimelineSearch
        {
            Query = fields.String("query"),
            Filters = Filters(body, fields) ?? [],
            From = Date(fields, "from"),
            To = Date(fields, "to"),
            Page = Int(body, fields, "page", 1, 1, int.MaxValue / TimelineSearch.MaxPerPage),
            PerPage = Int(body, fields, "perPage", 25, 1, TimelineSearch.MaxPerPage),
            SortField = fields.String("sortField") ?? KqlFields.Timestamp,
            Ascending = fields.String("sort") == "asc",
        };
        if (!KqlFields.Sortable.Contains(search.SortField)) fields.Fail($"sortField must be one of the indexed fields {string.Join(", ", KqlFields.Sortable)}.");
        if (search.From > search.To) fields.Fail("from must not be after to.");
        if (search.Filters.Select(f => f.Problem()).FirstOrDefault(p => p is not null) is { } problem) fields.Fail(problem);
        return (search, fields.Problem);
    }

    private static List<TimelineFilter>? Filters(JsonElement body, JsonFields fields)
    {
        if (!body.TryGetProperty("filters", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.Object))
            return Fail<List<TimelineFilter>?>(fields, "filters must be an array of objects like {\"field\":\"host.name\",\"operator\":\"is\",\"values\":[\"web-01\"]}.");
        var filters = new List<TimelineFilter>();
        foreach (var item in value.EnumerateArray())
        {
            var f = new JsonFields(item, " in filters");
            var filter = new TimelineFilter(f.String("field") ?? "", f.String("operator") ?? TimelineFilter.Is,
                f.Strings("values") ?? (f.String("value") is { } one ? [one] : []), f.Bool("disabled") ?? false, f.Bool("negate") ?? false);
            if (f.Problem is { } problem) return Fail<List<TimelineFilter>?>(fields, problem);
            filters.Add(filter);
        }
        return filters;
    }

    private static TimelineRange? Range(JsonFields fields)
    {
        if (fields.Object("range") is not { } range) return null;
        var result = new TimelineRange(range.String("relative"), Date(range, "from"), Date(range, "to"));
        if (range.Problem is { } problem) fields.Fail(problem);
        return result;
    }

    private static DateTimeOffset? Date(JsonFields fields, string name)
    {
        if (fields.String(name) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)) return date;
        fields.Fail($"{name} must be an ISO 8601 date (got '{text}').");
        return null;
    }

    private static int Int(JsonElement body, JsonFields fields, string name, int fallback, int min, int max)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return fallback;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max) return number;
        fields.Fail($"{name} must be a whole number from {min} to {max}.");
        return fallback;
    }

    private static T Fail<T>(JsonFields fields, string message)
    {
        fields.Fail(message);
        return default!;
    }
}
