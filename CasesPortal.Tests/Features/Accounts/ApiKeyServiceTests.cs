using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CasesPortal.Data;
using CasesPortal.Features.Accounts;
using CasesPortal.Features.Accounts.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Unit)]
public sealed class ApiKeyServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private ApiKeyService service = default!;
    private string adminId = "";

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        service = portal.Get<ApiKeyService>();
        adminId = (await portal.Get<UserAdminService>().ListAsync()).Single().Id;
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task A_new_key_is_returned_once_and_only_its_sha256_is_stored()
    {
        var created = (await service.CreateAsync(adminId, "  SIEM forwarder ", "30d")).Value!;

        Assert.True(created.Id.Length >= 20);
        Assert.Equal("SIEM forwarder", created.Name);
        Assert.Equal(32, Base64Url.DecodeFromChars(created.ApiKey).Length);
        Assert.Equal($"{created.Id}:{created.ApiKey}", Encoding.UTF8.GetString(Convert.FromBase64String(created.Encoded)));
        Assert.Equal(portal.Clock.GetUtcNow().AddDays(30), created.ExpiresAt);

        await using var db = await portal.Get<IDbContextFactory<CasesDbContext>>().CreateDbContextAsync();
        var stored = await db.ApiKeys.SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.ApiKey))), stored.SecretHash);
        Assert.DoesNotContain(created.ApiKey, stored.SecretHash + stored.Name + stored.Id);

        var listed = Assert.Single(await service.ListAsync(adminId));
        Assert.Equal((created.Id, "SIEM forwarder", ApiKeyState.Active), (listed.Id, listed.Name, listed.State));
        Assert.Equal(adminId, (await service.AuthenticateAsync(created.Encoded)).UserId);
    }

    [Fact]
    public async Task Two_keys_never_share_an_id_or_a_secret()
    {
        var first = (await service.CreateAsync(adminId, "one", null)).Value!;
        var second = (await service.CreateAsync(adminId, "two", null)).Value!;

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.ApiKey, second.ApiKey);
        Assert.Null(first.ExpiresAt);
    }

    [Theory]
    [InlineData("", null, "'name' is required (1 to 100 characters)")]
    [InlineData("   ", null, "'name' is required")]
    [InlineData(null, "30d", "'name' is required")]
    [InlineData("101", null, "'name' must be at most 100 characters (got 101)")]
    [InlineData("ok", "30", "'expiration' must be a duration such as 30d")]
    [InlineData("ok", "2y", "'expiration' must be a duration such as 30d")]
    [InlineData("ok", "-1d", "'expiration' must be a duration such as 30d")]
    [InlineData("ok", "1.5d", "'expiration' must be a duration such as 30d")]
    [InlineData("ok", "0d", "'expiration' must be longer than zero")]
    [InlineData("ok", "731d", "'expiration' must be at most 730d (2 years)")]
    [InlineData("ok", "999999999999d", "'expiration' must be at most 730d")]
    [InlineData("ok", "999999999999s", "'expiration' must be at most 730d")]
    public async Task Invalid_names_and_expirations_are_refused_naming_the_field_and_limit(string? name, string? expiration, string message)
    {
        var result = await service.CreateAsync(adminId, name == "101" ? new string('x', 101) : name, expiration);

        Assert.Equal(400, result.Error!.Status);
        Assert.Contains(message, result.Error.Message);
        Assert.Empty(await service.ListAsync(adminId));
    }

    [Theory]
    [InlineData("12h", 12 * 60)]
    [InlineData("90m", 90)]
    [InlineData("730d", 730 * 24 * 60)]
    public async Task Expirations_use_the_elasticsearch_duration_form(string expiration, int minutes)
    {
        var created = (await service.CreateAsync(adminId, "k", expiration)).Value!;

        Assert.Equal(portal.Clock.GetUtcNow().AddMinutes(minutes), created.ExpiresAt);
    }

    [Fact]
    public async Task An_expired_key_is_refused_and_listed_as_expired()
    {
        var created = (await service.CreateAsync(adminId, "short-lived", "1h")).Value!;
        portal.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True((await service.AuthenticateAsync(created.Encoded)).Succeeded);

        portal.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(ApiKeyRejection.Expired, (await service.AuthenticateAsync(created.Encoded)).Rejection);
        Assert.Equal(ApiKeyState.Expired, (await service.ListAsync(adminId)).Single().State);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_revoking_again_reports_it_as_previously_revoked()
    {
        var created = (await service.CreateAsync(adminId, "k", null)).Value!;

        var first = (await service.RevokeAsync(adminId, callerIsAdmin: false, [created.Id, "no-such-key"])).Value!;
        var second = (await service.RevokeAsync(adminId, callerIsAdmin: false, [created.Id])).Value!;

        Assert.Equal([created.Id], first.Invalidated);
        Assert.Equal("No API key with id 'no-such-key'.", Assert.Single(first.Errors).Reason);
        Assert.Equal([created.Id], second.PreviouslyInvalidated);
        Assert.Empty(second.Invalidated);
        Assert.Equal(ApiKeyRejection.Revoked, (await service.AuthenticateAsync(created.Encoded)).Rejection);
        var listed = (await service.ListAsync(adminId)).Single();
        Assert.Equal((ApiKeyState.Revoked, portal.Clock.GetUtcNow()), (listed.State, listed.RevokedAt!.Value));
    }

    [Fact]
    public async Task Only_an_admin_may_revoke_someone_elses_key()
    {
        var viewerId = await CreateAccountAsync("viewer@soc.example", Roles.Viewer);
        var adminKey = (await service.CreateAsync(adminId, "admin's", null)).Value!;
        var viewerKey = (await service.CreateAsync(viewerId, "viewer's", null)).Value!;

        var refused = (await service.RevokeAsync(viewerId, callerIsAdmin: false, [adminKey.Id])).Value!;
        var allowed = (await service.RevokeAsync(adminId, callerIsAdmin: true, [viewerKey.Id])).Value!;

        Assert.Empty(refused.Invalidated);
        Assert.Equal($"No API key with id '{adminKey.Id}'.", Assert.Single(refused.Errors).Reason);
        Assert.True((await service.AuthenticateAsync(adminKey.Encoded)).Succeeded);
        Assert.Equal([viewerKey.Id], allowed.Invalidated);
        Assert.Equal(ApiKeyState.Revoked, (await service.ListAsync(viewerId)).Single().State);
    }

    [Fact]
    public async Task Revoking_needs_between_one_and_a_hundred_ids()
    {
        Assert.Contains("'ids' is required", (await service.RevokeAsync(adminId, false, null)).Error!.Message);
        Assert.Contains("'ids' is required", (await service.RevokeAsync(adminId, false, [])).Error!.Message);
        var tooMany = await service.RevokeAsync(adminId, false, Enumerable.Range(0, 101).Select(i => (string?)$"id{i}").ToList());
        Assert.Contains("at most 100", tooMany.Error!.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm8tY29sb24=")]          // "no-colon"
    [InlineData("OnNlY3JldA==")]          // ":secret"
    [InlineData("aWQ6")]                  // "id:"
    public async Task Malformed_keys_are_refused(string? encoded)
    {
        Assert.Equal(ApiKeyRejection.Malformed, (await service.AuthenticateAsync(encoded)).Rejection);
    }

    [Fact]
    public async Task Unknown_ids_and_wrong_secrets_are_refused_alike()
    {
        var created = (await service.CreateAsync(adminId, "k", null)).Value!;
        var wrongSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{created.Id}:{created.ApiKey[..^1]}x"));
        var unknownId = Convert.ToBase64String(Encoding.UTF8.GetBytes($"AAAAAAAAAAAAAAAAAAAA:{created.ApiKey}"));

        var wrong = await service.AuthenticateAsync(wrongSecret);
        var unknown = await service.AuthenticateAsync(unknownId);

        Assert.Equal((ApiKeyRejection.Unknown, ApiKeyRejection.Unknown), (wrong.Rejection!.Value, unknown.Rejection!.Value));
        Assert.Equal(wrong.Message, unknown.Message);
        Assert.Null((await service.ListAsync(adminId)).Single().LastUsedAt);
    }

    [Fact]
    public async Task A_disabled_owner_makes_the_key_useless()
    {
        var analystId = await CreateAccountAsync("ana@soc.example", Roles.Analyst);
        var created = (await service.CreateAsync(analystId, "k", null)).Value!;

        await portal.Get<UserAdminService>().UpdateAsync(analystId, new UserChanges(Disabled: true), adminId);

        var check = await service.AuthenticateAsync(created.Encoded);
        Assert.Equal(ApiKeyRejection.OwnerDisabled, check.Rejection);
        Assert.Contains("disabled", check.Message);
    }

    [Fact]
    public async Task Last_used_is_recorded_at_most_once_a_minute()
    {
        var created = (await service.CreateAsync(adminId, "k", null)).Value!;
        var start = portal.Clock.GetUtcNow();

        await service.AuthenticateAsync(created.Encoded);
        Assert.Equal(start, await LastUsedAsync());

        portal.Clock.Advance(TimeSpan.FromSeconds(59));
        await service.AuthenticateAsync(created.Encoded);
        Assert.Equal(start, await LastUsedAsync());

        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        await service.AuthenticateAsync(created.Encoded);
        Assert.Equal(start.AddMinutes(1), await LastUsedAsync());
    }

    [Fact]
    public async Task A_key_for_an_account_that_no_longer_exists_is_not_created()
    {
        Assert.Equal(404, (await service.CreateAsync("missing", "k", null)).Error!.Status);
    }

    private async Task<DateTimeOffset?> LastUsedAsync() => (await service.ListAsync(adminId)).Single().LastUsedAt;

    private async Task<string> CreateAccountAsync(string email, string role) =>
        (await portal.Get<UserAdminService>().CreateAsync(new NewUser(email, email.Split('@')[0], [role], TestAccounts.AnalystPassword))).Value!.User.Id;
}
