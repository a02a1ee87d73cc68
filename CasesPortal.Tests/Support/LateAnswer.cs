using Microsoft.AspNetCore.Http;

namespace CasesPortal.Tests.Support;

/// <summary>
/// An answer that comes too late, whatever the caller's attempt timeout and however busy the machine: the fake holds
/// the request until the caller closes the connection. A fixed delay would race the timeout on a loaded machine.
/// </summary>
public static class LateAnswer
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    public static async Task HoldUntilCallerGivesUpAsync(HttpContext context)
    {
        try { await Task.Delay(Longest, context.RequestAborted); }
        catch (OperationCanceledException) { /* the caller gave up: what it came for */ }
    }
}
