namespace CasesPortal.Features.Accounts;

/// <summary>The first administrator, created on the first start when there are no accounts.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";
    public const string DefaultAdminEmail = "admin@localhost";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}
