namespace CasesPortal.Features.Entities.Hosts;

/// <summary>Addresses of a host's and a user's detail pages (names may hold any character).</summary>
public static class HostLinks
{
    public static string Of(string hostName) => "/hosts/" + Uri.EscapeDataString(hostName);

    public static string OfUser(string userName) => "/users/" + Uri.EscapeDataString(userName);
}
