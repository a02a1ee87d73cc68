using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Features.Cases.List;

/// <summary>The values the filters and pickers suggest: existing tags and categories, people who can be assigned, reporters.</summary>
public sealed record CaseListChoices(IReadOnlyList<string> Tags, IReadOnlyList<string> Categories, IReadOnlyList<PersonRef> People, IReadOnlyList<PersonRef> Reporters)
{
    public static readonly CaseListChoices Empty = new([], [], [], []);

    public static async Task<CaseListChoices> LoadAsync(CaseQueries queries) => new(
        await queries.TagsAsync(), await queries.CategoriesAsync(), await queries.AssignableAsync(), await queries.ReportersAsync());

    public string NameOf(string userId) => People.Concat(Reporters).FirstOrDefault(p => p.UserId == userId)?.DisplayName ?? userId;
}
