using CasesPortal.Features.Evidence.Ingest;

namespace CasesPortal.Features.Evidence.Import;

/// <summary>The running counts of an import and its first errors, by document number in the file.</summary>
public sealed class ImportTally(int total)
{
    public const int ErrorsKept = 10;

    public sealed record ImportError(int Number, string? Id, string Type, string Reason);

    public int Total { get; } = total;
    public int Done { get; private set; }
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Skipped { get; private set; }
    public int Failed { get; private set; }
    public List<ImportError> Errors { get; } = [];
    public int Percent => Total == 0 ? 100 : (int)(100L * Done / Total);

    public void Add(IReadOnlyList<BulkItemResult> results)
    {
        foreach (var result in results)
        {
            Done++;
            switch (result)
            {
                case { Error: { } error }:
                    Failed++;
                    if (Errors.Count < ErrorsKept) Errors.Add(new ImportError(Done, result.Id, error.Type, error.Reason));
                    break;
                case { Result: BulkItemResult.Created }: Created++; break;
                case { Result: BulkItemResult.Updated }: Updated++; break;
                default: Skipped++; break;
            }
        }
    }
}
