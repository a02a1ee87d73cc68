using System.Text;
using CasesPortal.Data;

namespace CasesPortal.Tests.Features.Evidence.Explore;

[Trait(Layer.Name, Layer.Unit)]
public sealed class DocumentValueSearchTests
{
    private const string Document = """
        {"host":{"name":"WS-042","ip":["10.0.0.8"]},"user.name":"Zoë Ørsted","risk_score":73.5,"flag":true,
         "process":{"command_line":"powershell.exe -enc \u0041QB","path":"C:\\Windows\\System32"}}
        """;

    [Theory]
    [InlineData("ws-042", true)]
    [InlineData("10.0.0", true)]
    [InlineData("73.5", true)]
    [InlineData("TRUE", true)]
    [InlineData("zoË", true)]
    [InlineData("øRSTED", true)]
    [InlineData("-enc AQB", true)]
    [InlineData("\\windows\\system32", true)]
    [InlineData("host", false)]
    [InlineData("risk_score", false)]
    [InlineData("command_line", false)]
    [InlineData("{", false)]
    [InlineData("\":\"", false)]
    [InlineData("WS-043", false)]
    public void Values_match_whatever_their_case_and_field_names_never(string term, bool found) =>
        Assert.Equal(found, DocumentValueSearch.Matches(Encoding.UTF8.GetBytes(Document), term));
}
