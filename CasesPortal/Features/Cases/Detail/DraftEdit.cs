namespace CasesPortal.Features.Cases.Detail;

/// <summary>
/// Text being edited and the version of the case or comment it started from. A live refresh changes what the page
/// shows, never this: the save carries <see cref="BaseVersion"/>, so an edit that another analyst overtook is refused
/// instead of silently overwriting them, and the text stays here to be applied again.
/// </summary>
public sealed class DraftEdit
{
    public bool IsOpen { get; private set; }
    public string Text { get; set; } = "";
    public string BaseVersion { get; private set; } = "";
    public string? Refusal { get; private set; }
    public bool Saving { get; set; }

    public void Start(string text, string version) => (IsOpen, Text, BaseVersion, Refusal) = (true, text, version, null);

    /// <summary>The analyst has seen the latest version and chose to put their text over it.</summary>
    public void Rebase(string version) => (BaseVersion, Refusal) = (version, null);

    public void Refuse(string message) => Refusal = message;

    public void Close() => (IsOpen, Text, BaseVersion, Refusal, Saving) = (false, "", "", null, false);

    public bool IsOvertaken(string currentVersion) => IsOpen && currentVersion != BaseVersion;
}
