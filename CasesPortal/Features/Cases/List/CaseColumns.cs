namespace CasesPortal.Features.Cases.List;

/// <summary>The optional columns of the case list; number, title, status and severity always show.</summary>
public static class CaseColumns
{
    public const string Assignees = "assignees";
    public const string Tags = "tags";
    public const string Alerts = "alerts";
    public const string Comments = "comments";
    public const string Category = "category";
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<(string Key, string Label)> Optional =
    [
        (Assignees, "Assignees"), (Tags, "Tags"), (Alerts, "Alerts"), (Comments, "Comments"), (Category, "Category"),
        (Created, "Created on"), (Updated, "Updated on"), (Closed, "Closed on"),
    ];

    public static readonly IReadOnlySet<string> Default = new HashSet<string> { Assignees, Tags, Alerts, Comments, Created, Updated };

    public const string StorageKey = "casesPortal.caseColumns";

    public static HashSet<string> Parse(string? stored) => string.IsNullOrWhiteSpace(stored)
        ? Default.ToHashSet()
        : stored.Split(',').Where(k => Optional.Any(o => o.Key == k)).ToHashSet();
}
