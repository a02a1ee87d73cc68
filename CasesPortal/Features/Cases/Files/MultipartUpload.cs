using CasesPortal.Features.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CasesPortal.Features.Cases.Files;

/// <summary>
/// Reads a multipart upload section by section, so a 100 MiB file streams to disk (hashed on the way) instead of
/// being buffered as a form: one <c>file</c> part and small text fields such as <c>filename</c>, in any order.
/// </summary>
internal static class MultipartUpload
{
    private const int MaxFieldLength = 1024;

    public static async Task<(StagedFile? File, Dictionary<string, string> Fields, ServiceError? Problem)> ReadAsync(
        HttpRequest request, CaseFileService files, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return (null, fields, ServiceError.Invalid("Send the file as multipart/form-data with a 'file' field."));

        StagedFile? staged = null;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition() && name == "file")
                {
                    if (staged is not null) return Fail(staged, fields, "Send one file per request in the 'file' field.");
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    var result = await files.StageAsync(section.Body, fileName, section.ContentType, ct);
                    if (!result.Succeeded) return (null, fields, result.Error);
                    staged = result.Value;
                }
                else if (!disposition.IsFileDisposition())
                {
                    var value = await new StreamReader(section.Body).ReadToEndAsync(ct);
                    if (value.Length > MaxFieldLength) return Fail(staged, fields, $"The field '{name}' is too long.");
                    fields[name] = value;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            staged?.Dispose();
            return (null, fields, new ServiceError(ex.StatusCode,
                $"The upload is larger than the {FilesOptions.Describe(files.Limits.MaxBytes)} allowed for files."));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return Fail(staged, fields, $"The multipart body could not be read ({ex.Message.TrimEnd('.')}).");
        }
        return staged is null ? (null, fields, ServiceError.Invalid("The 'file' field is missing.")) : (staged, fields, null);
    }

    private static (StagedFile?, Dictionary<string, string>, ServiceError?) Fail(StagedFile? staged, Dictionary<string, string> fields, string message)
    {
        staged?.Dispose();
        return (null, fields, ServiceError.Invalid(message));
    }
}
