using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace CasesPortal.Features.Cases.Files;

/// <summary>An image pasted or dropped into the Markdown editor, attached as a case file (one history line each) and shown from the portal.</summary>
public static class ScreenshotUpload
{
    public static async Task<ServiceResult<CaseFileView>> AttachAsync(CaseFileService files, CaseActor actor, string caseId, IBrowserFile file,
        CancellationToken ct = default)
    {
        var name = FileNames.Sanitize(file.Name);
        if (!FileNames.LooksLikeImage(name, file.ContentType))
            return ServiceError.Invalid($"{name} is not an image: only screenshots (png, jpeg, gif, webp) go into the text; attach other files in the Files tab.");
        var limit = files.Limits.LimitFor(name, file.ContentType);
        if (file.Size > limit) return files.TooLargeError(name, limit);
        if (await files.CheckUploadAsync(actor, caseId, ct) is { } refused) return refused;
        await using var content = file.OpenReadStream(limit, ct);
        var staged = await files.StageAsync(content, name, file.ContentType, ct);
        if (!staged.Succeeded) return staged.Error!;
        var attached = await files.AttachAsync(actor, caseId, [staged.Value!], malicious: false, ct);
        return attached.Succeeded ? ServiceResult<CaseFileView>.Ok(attached.Value![0]) : attached.Error!;
    }

    /// <summary>The portal's own address of the picture, which rendered Markdown loads without asking.</summary>
    public static string UrlOf(CaseFileView file) => $"/cases/{Uri.EscapeDataString(file.CaseId)}/files/{Uri.EscapeDataString(file.Id)}/preview";
}
