using CasesPortal.Features.Evidence.Ingest;
using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Tests.Features.Evidence;

[Trait(Layer.Name, Layer.Unit)]
public sealed class EvidenceKindDetectorTests
{
    private static EvidenceKind? Detect(byte[] body)
    {
        var limits = new IngestOptions();
        var (documents, problem) = BulkBodyReader.Read(body, limits);
        Assert.Null(problem);
        return EvidenceKindDetector.Detect(documents!, limits);
    }

    [Theory]
    [InlineData(Samples.Alerts, EvidenceKind.Alerts)]
    [InlineData(Samples.Events, EvidenceKind.Events)]
    [InlineData(Samples.StixBundle, EvidenceKind.Indicators)]
    [InlineData(Samples.EcsIndicators, EvidenceKind.Indicators)]
    public void The_sample_files_are_recognised(string sample, EvidenceKind kind) => Assert.Equal(kind, Detect(Samples.Bytes(sample)));

    [Theory]
    [InlineData("""{"kibana.alert.rule.name":"x"}""", EvidenceKind.Alerts)]
    [InlineData("""{"kibana":{"alert.uuid":"x"}}""", EvidenceKind.Alerts)]
    [InlineData("""[{"_id":"1","_source":{"kibana":{"alert":{"uuid":"x"}}}}]""", EvidenceKind.Alerts)]
    [InlineData("""{"threat":{"indicator.type":"url"}}""", EvidenceKind.Indicators)]
    [InlineData("""{"type":"indicator","id":"indicator--1"}""", EvidenceKind.Indicators)]
    [InlineData("""{"@timestamp":"2026-11-27T08:00:00Z","host.name":"a"}""", EvidenceKind.Events)]
    [InlineData("""{"name":"something else"}""", null)]
    public void The_first_document_decides_when_it_is_obvious(string body, EvidenceKind? kind) => Assert.Equal(kind, Detect(Samples.Utf8(body)));
}
