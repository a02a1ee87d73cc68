using CasesPortal.Features.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Unit)]
public sealed class BasicLoginCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_verified_login_is_remembered_for_a_minute_at_most()
    {
        var cache = new BasicLoginCache(clock);
        var key = BasicLoginCache.KeyFor("ana@soc.example", "a passphrase");
        cache.Add(key, "user-1", "stamp-1");

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(("user-1", "stamp-1"), (cache.Find(key)!.UserId, cache.Find(key)!.SecurityStamp));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.Find(key));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void The_key_depends_on_both_email_and_password_and_hides_the_password()
    {
        var key = BasicLoginCache.KeyFor("ana@soc.example", "a passphrase");

        Assert.NotEqual(key, BasicLoginCache.KeyFor("ana@soc.example", "another passphrase"));
        Assert.NotEqual(key, BasicLoginCache.KeyFor("sam@soc.example", "a passphrase"));
        // The separator keeps "a" + "b:c" apart from "a:b" + "c".
        Assert.NotEqual(BasicLoginCache.KeyFor("a", "b:c"), BasicLoginCache.KeyFor("a:b", "c"));
        Assert.DoesNotContain("passphrase", key);
        Assert.Equal(64, key.Length);
    }

    [Fact]
    public void The_cache_stays_bounded()
    {
        var cache = new BasicLoginCache(clock);

        for (var i = 0; i < BasicLoginCache.Capacity * 2 + 10; i++)
            cache.Add(BasicLoginCache.KeyFor($"user{i}@soc.example", "pw"), $"user-{i}", null);

        Assert.InRange(cache.Count, 1, BasicLoginCache.Capacity);
    }
}
