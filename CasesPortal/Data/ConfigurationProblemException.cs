namespace CasesPortal.Data;

/// <summary>A setting that stops start-up. Its message is the one line the operator sees.</summary>
public sealed class ConfigurationProblemException(string setting, string reason)
    : Exception($"Configuration problem in '{setting}': {reason}")
{
    public string Setting { get; } = setting;
    public string Reason { get; } = reason;
}
