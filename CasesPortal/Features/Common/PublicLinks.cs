namespace CasesPortal.Features.Common;

/// <summary>
/// The address the portal is reached at from outside, for links written into Markdown and sent to external systems:
/// the setting <c>PublicBaseUrl</c> when set, otherwise the origin of the current request.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration)
{
    public string? ConfiguredBaseUrl => configuration["PublicBaseUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : null;

    public string BaseUrl(string? requestOrigin) =>
        ConfiguredBaseUrl ?? requestOrigin?.TrimEnd('/') ?? configuration["Urls"]?.Split(';')[0].TrimEnd('/') ?? "http://localhost:5080";

    public string CaseUrl(string? requestOrigin, int caseNumber) => $"{BaseUrl(requestOrigin)}/cases/{caseNumber}";
}
