using System.Text.Json.Serialization;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases.Observables;

/// <summary>An observable as the case page and the API show it.</summary>
public sealed record ObservableView(string Id, string CaseId, string TypeKey, string TypeLabel, string Value, string? Description, bool IsIoc, Tlp Tlp,
    string Source, DateTimeOffset CreatedAt, PersonRef CreatedBy, DateTimeOffset? UpdatedAt);

/// <summary>A new observable. IOC and TLP default to "no" and amber.</summary>
public sealed record NewObservable(string? TypeKey, string? Value, string? Description = null, bool IsIoc = false, Tlp Tlp = Tlp.Amber);

/// <summary>Changes to one observable; fields left null are not touched.</summary>
public sealed record ObservableChanges
{
    public string? TypeKey { get; init; }
    public string? Value { get; init; }
    public string? Description { get; init; }
    public bool? IsIoc { get; init; }
    public Tlp? Tlp { get; init; }
}

/// <summary>Which observables of a case to list.</summary>
public sealed record ObservableFilter(string? TypeKey = null, bool IocOnly = false);

/// <summary>What a paste of many values did: how many were added, were already on the case, or were refused (with why).</summary>
public sealed record PasteOutcome(int Added, int Duplicates, IReadOnlyList<string> Invalid);

/// <summary>One pasted line with the type it was detected as (or chosen), and its stored form or the reason it is refused.</summary>
public sealed record PastedLine(int Line, string Text, string? TypeKey, string? Value, string? Problem);

public sealed record ObservablePage(IReadOnlyList<ObservableView> Items, int Total);

/// <summary>A type key and value a case holds, as the case JSON lists it (loaded for a page of cases at once).</summary>
public sealed record ObservableSummary(string Id, string TypeKey, string Value, string? Description, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt);

/// <summary>An observable in Kibana's case JSON.</summary>
public sealed record ObservableJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("typeKey")] string TypeKey,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset? UpdatedAt)
{
    public static ObservableJson From(ObservableSummary o) => new(o.Id, o.TypeKey, o.Value, o.Description, o.CreatedAt, o.UpdatedAt);
}
