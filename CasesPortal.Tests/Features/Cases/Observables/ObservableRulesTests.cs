using CasesPortal.Features.Cases.Observables;

namespace CasesPortal.Tests.Features.Cases.Observables;

[Trait(Layer.Name, Layer.Unit)]
public sealed class ObservableRulesTests
{
    private static ObservableTypeInfo Type(string key) => ObservableRules.BuiltIn.Single(t => t.Key == key);

    [Theory]
    [InlineData(ObservableRules.Ipv4, " 10.0.0.8 ", "10.0.0.8")]
    [InlineData(ObservableRules.Ipv6, "2001:DB8:0:0::1", "2001:db8::1")]
    [InlineData(ObservableRules.Url, "https://evil.example/payload?x=1", "https://evil.example/payload?x=1")]
    [InlineData(ObservableRules.Url, "ftp://files.example/a.zip", "ftp://files.example/a.zip")]
    [InlineData(ObservableRules.Hostname, "WS-042", "ws-042")]
    [InlineData(ObservableRules.Domain, "Evil.Example.COM.", "evil.example.com")]
    [InlineData(ObservableRules.FileHash, "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData(ObservableRules.FileHash, "9f914d42706fe215501044acd85a32d58aaef1419d404fddfa5d3b48f66ccd9f", "9f914d42706fe215501044acd85a32d58aaef1419d404fddfa5d3b48f66ccd9f")]
    [InlineData(ObservableRules.Email, "Ana.Diaz@Corp.Example", "ana.diaz@corp.example")]
    [InlineData(ObservableRules.FilePath, @"C:\Users\Public\drop.exe", @"C:\Users\Public\drop.exe")]
    public void Valid_values_are_trimmed_and_normalised(string type, string raw, string expected)
    {
        var (value, problem) = ObservableRules.Normalize(Type(type), raw);
        Assert.Null(problem);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(ObservableRules.Ipv4, "10.0.0.256", "not an IPv4 address")]
    [InlineData(ObservableRules.Ipv4, "1", "not an IPv4 address")]
    [InlineData(ObservableRules.Ipv4, "010.0.0.1", "not an IPv4 address")]
    [InlineData(ObservableRules.Ipv6, "10.0.0.1", "not an IPv6 address")]
    [InlineData(ObservableRules.Ipv6, "2001:db8::g", "not an IPv6 address")]
    [InlineData(ObservableRules.Url, "evil.example/payload", "not an absolute http, https or ftp URL")]
    [InlineData(ObservableRules.Url, "javascript:alert(1)", "not an absolute http, https or ftp URL")]
    [InlineData(ObservableRules.Hostname, "-bad-.example", "not a host name")]
    [InlineData(ObservableRules.Domain, "localhost", "not a domain name")]
    [InlineData(ObservableRules.Domain, "under score!.com", "not a domain name")]
    [InlineData(ObservableRules.FileHash, "abc123", "got 6")]
    [InlineData(ObservableRules.FileHash, "z41d8cd98f00b204e9800998ecf8427e", "not a file hash")]
    [InlineData(ObservableRules.Email, "ana@", "not an email address")]
    [InlineData(ObservableRules.FilePath, "  ", "Enter a value")]
    [InlineData(ObservableRules.FilePath, "a\nb", "control characters")]
    public void Bad_values_are_refused_with_the_reason(string type, string raw, string reason)
    {
        var (value, problem) = ObservableRules.Normalize(Type(type), raw);
        Assert.Null(value);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Values_longer_than_the_limit_are_refused()
    {
        var (_, problem) = ObservableRules.Normalize(Type(ObservableRules.FilePath), "/" + new string('a', 2_048));
        Assert.Contains("at most 2,048 characters", problem);
    }

    [Theory]
    [InlineData("10.0.0.8", ObservableRules.Ipv4)]
    [InlineData("fe80::1", ObservableRules.Ipv6)]
    [InlineData("https://evil.example/x", ObservableRules.Url)]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e", ObservableRules.FileHash)]
    [InlineData("ana@corp.example", ObservableRules.Email)]
    [InlineData("/tmp/x.sh", ObservableRules.FilePath)]
    [InlineData("evil.example.com", ObservableRules.Domain)]
    [InlineData("WS-042", ObservableRules.Hostname)]
    [InlineData("not a value!", null)]
    public void Pasted_values_are_detected(string raw, string? expected) => Assert.Equal(expected, ObservableRules.Detect(raw));

    [Fact]
    public void Custom_types_check_their_pattern_in_full()
    {
        var ticket = new ObservableTypeInfo(ObservableRules.KeyFor("Ticket id"), "Ticket id", false, "INC-[0-9]{4}");
        Assert.Equal("observable-type-ticket-id", ticket.Key);
        Assert.Equal(("INC-1234", null), ObservableRules.Normalize(ticket, "INC-1234"));
        Assert.Contains("does not match the format of Ticket id", ObservableRules.Normalize(ticket, "INC-12345").Problem);
        Assert.Contains("not a valid regular expression", ObservableRules.ValidatePattern("(unclosed"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Csv_cells_are_escaped_and_never_run_as_formulas(string text, string expected) => Assert.Equal(expected, ObservableCsv.Cell(text));

    [Fact]
    public void Extraction_reads_nested_and_dotted_fields()
    {
        const string document = """
            {"source":{"ip":"10.20.4.42"},"destination.ip":"2001:db8::7","host":{"name":"WS-042"},"url":{"full":"https://evil.example/a","domain":"evil.example"},
             "file":{"hash":{"sha256":"9F914D42706FE215501044ACD85A32D58AAEF1419D404FDDFA5D3B48F66CCD9F"},"path":"C:\\drop.exe"},
             "email.from.address":["Boss@Corp.Example"],"dns":{"question":{"name":"c2.bad.example"}},"user":{"email":"not-an-email"}}
            """;
        var values = ObservableExtraction.ValuesOf(document).ToList();
        Assert.Equal([
            (ObservableRules.Ipv4, "10.20.4.42"), (ObservableRules.Ipv6, "2001:db8::7"), (ObservableRules.Hostname, "ws-042"),
            (ObservableRules.Url, "https://evil.example/a"), (ObservableRules.FileHash, "9f914d42706fe215501044acd85a32d58aaef1419d404fddfa5d3b48f66ccd9f"),
            (ObservableRules.Email, "boss@corp.example"), (ObservableRules.Domain, "c2.bad.example"), (ObservableRules.Domain, "evil.example"),
            (ObservableRules.FilePath, @"C:\drop.exe"),
        ], values);
    }
}
