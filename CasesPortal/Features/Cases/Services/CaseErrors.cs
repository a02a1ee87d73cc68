using CasesPortal.Features.Common;

namespace CasesPortal.Features.Cases.Services;

/// <summary>The refusals case operations share, worded as Kibana words them where it has a wording.</summary>
public static class CaseErrors
{
    public static ServiceError Forbidden(string what) =>
        new(StatusCodes.Status403Forbidden, $"Your account's roles do not allow you to {what}.");

    public static ServiceError NotFound(string id) => ServiceError.NotFound($"Case {id} not found.");

    public static ServiceError Stale(IEnumerable<string> ids) =>
        ServiceError.Conflict($"These cases {string.Join(", ", ids)} has been updated. Please refresh before saving additional updates.");
}
