using System.Text;

namespace CasesPortal.Tests.Features.Evidence;

/// <summary>The realistic sample files under <c>Samples/</c>, copied next to the tests.</summary>
public static class Samples
{
    public const string Alerts = "alerts.ndjson";
    public const string Events = "events.ndjson";
    public const string StixBundle = "indicators-bundle.stix.json";
    public const string EcsIndicators = "indicators-ecs.ndjson";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
