namespace CasesPortal.Features.Cases.Files;

/// <summary>
/// A file attached to a case. The bytes live once per content on disk (see <see cref="FileStore"/>), named by
/// <see cref="Sha256"/>; removing a file only marks the row, so the history keeps pointing at what was there.
/// </summary>
public sealed class CaseFile
{
    public const int NameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;

    public string Id { get; set; } = Guid.NewGuid().ToString();
    public string CaseId { get; set; } = "";
    public string FileName { get; set; } = "";

    /// <summary>One of the previewable image types when the content was recognised as one, otherwise what the uploader declared.</summary>
    public string ContentType { get; set; } = FileNames.OctetStream;
    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = "";
    public bool Malicious { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedById { get; set; } = "";
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedById { get; set; }
}
