using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CasesPortal.Tests.Support;

/// <summary>Checks the API's error contract: JSON <c>{"statusCode","error","message"}</c> with the expected status and wording.</summary>
public static class ApiAssert
{
    public static async Task ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, body.GetProperty("statusCode").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
        Assert.Contains(message, body.GetProperty("message").GetString());
    }
}
