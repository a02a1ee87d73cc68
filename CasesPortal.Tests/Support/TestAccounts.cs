namespace CasesPortal.Tests.Support;

/// <summary>The administrator every test portal starts with.</summary>
public static class TestAccounts
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "correct horse battery";
    public const string AnalystPassword = "analyst passphrase 1";
}
