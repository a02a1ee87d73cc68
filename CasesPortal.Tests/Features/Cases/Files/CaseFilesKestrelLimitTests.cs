using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CasesPortal.Tests.Features.Cases.Files;

/// <summary>Kestrel's 30 MB default stays everywhere but on the upload route, which takes files up to Files:MaxBytes.</summary>
[Trait(Layer.Name, Layer.Http)]
public sealed class CaseFilesKestrelLimitTests
{
    [Fact]
    public async Task Only_the_upload_route_accepts_a_body_over_kestrels_default_limit()
    {
        using var factory = PortalFactory.Create(kestrel: true);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await HttpForms.CreateAccountAsync(factory, "big.files@soc.example", "Analyst");
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = HttpForms.Basic("big.files@soc.example", TestAccounts.AnalystPassword);
        var created = await client.PostAsync("/api/cases", new StringContent("""{"title":"Memory image","description":"","tags":[],"owner":"securitySolution"}""",
            Encoding.UTF8, "application/json"));
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var big = new byte[32 * 1024 * 1024];
        Random.Shared.NextBytes(big);

        var file = new ByteArrayContent(big);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var upload = await client.PostAsync($"/api/cases/{caseId}/files", new MultipartFormDataContent { { file, "file", "memory.raw" } });
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/files");
        Assert.Equal(big.Length, list.GetProperty("files")[0].GetProperty("size").GetInt64());

        // Expect: 100-continue lets Kestrel refuse by the announced length before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = new ByteArrayContent(big) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.ExpectContinue = true;
        var elsewhere = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, elsewhere.StatusCode);
    }
}
