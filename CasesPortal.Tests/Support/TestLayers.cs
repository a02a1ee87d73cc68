namespace CasesPortal.Tests.Support;

/// <summary>Trait values for <c>[Trait("Layer", ...)]</c>: run a fast subset with <c>dotnet test --filter "Layer!=Browser"</c>.</summary>
public static class Layer
{
    public const string Name = "Layer";
    public const string Unit = "Unit";
    public const string Component = "Component";
    public const string Http = "Http";
    public const string Browser = "Browser";
}
