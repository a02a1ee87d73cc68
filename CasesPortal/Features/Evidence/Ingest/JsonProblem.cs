using System.Text.Json;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>A JSON parser's complaint, in the parts the ingest answers use: what is wrong, and where it is.</summary>
internal static class JsonProblem
{
    /// <summary>The message without the position System.Text.Json appends to it: the answer says where in its own words.</summary>
    public static string Reason(Exception error) => error.Message.Split(" LineNumber:", 2)[0].Trim();

    /// <summary>Where the parser stopped, counted from one, with <paramref name="linesBefore"/> lines it did not see.</summary>
    public static string Position(JsonException error, long linesBefore = 0) =>
        $"line {error.LineNumber + 1 + linesBefore}, byte {error.BytePositionInLine + 1}";
}
