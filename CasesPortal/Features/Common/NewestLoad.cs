namespace CasesPortal.Features.Common;

/// <summary>
/// Loads of one list that may overlap: a new address (a filter chosen, a page turned) arrives while the rows of the
/// last one are still being read. Only the newest load's answer is kept, so a slower, older answer never lands on
/// screen over a newer one. Used on a component's synchronisation context, where loads start one at a time.
/// </summary>
public sealed class NewestLoad
{
    private int started;

    /// <summary>The answer of <paramref name="load"/>, or null when another load started after it.</summary>
    public async Task<T?> RunAsync<T>(Func<Task<T>> load) where T : class
    {
        var mine = ++started;
        var answer = await load();
        return mine == started ? answer : null;
    }
}
