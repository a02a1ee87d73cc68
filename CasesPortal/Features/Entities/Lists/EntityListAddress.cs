using CasesPortal.Features.Evidence.Explore;

namespace CasesPortal.Features.Entities.Lists;

/// <summary>The sort of an entity list in the address (<c>sort=events&amp;order=asc</c>), beside the common list filters.</summary>
public static class EntityListAddress
{
    public const string Sort = "sort";
    public const string Order = "order";
    public static readonly string[] Keys = [Sort, Order];

    public static (EntitySort Sort, bool Descending) SortOf(EvidenceListFilter filter) =>
        (Enum.TryParse<EntitySort>(filter.Get(Sort).FirstOrDefault(), ignoreCase: true, out var sort) ? sort : EntitySort.LastSeen,
         filter.Get(Order).FirstOrDefault() != "asc");

    /// <summary>A click on the sorted column turns its order round; on another column, sorts it largest (or newest) first, names A–Z.</summary>
    public static EvidenceListFilter SortBy(EvidenceListFilter filter, EntitySort sort)
    {
        var (current, descending) = SortOf(filter);
        var nextDescending = current == sort ? !descending : sort != EntitySort.Name;
        return filter.With(Sort, [EntityFindApi.SortName(sort)]).With(Order, [nextDescending ? "desc" : "asc"]);
    }

    public static EntityQuery ToQuery(EvidenceListFilter filter, TimeZoneInfo zone)
    {
        var common = filter.ToQuery(zone);
        var (sort, descending) = SortOf(filter);
        return new EntityQuery
        {
            Page = common.Page, PerPage = common.PerPage, Search = common.Search, From = common.From, To = common.To,
            Sort = sort, Descending = descending,
        };
    }
}
