using CasesPortal.Features.Accounts;

namespace CasesPortal.Tests.Features.Accounts;

[Trait(Layer.Name, Layer.Unit)]
public sealed class TimeDisplayTests
{
    private static readonly DateTimeOffset Instant = new(2026, 7, 1, 12, 30, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("UTC", "2026-07-01 12:30 UTC")]
    [InlineData("Europe/Berlin", "2026-07-01 14:30 UTC+02:00")]
    [InlineData("America/New_York", "2026-07-01 08:30 UTC-04:00")]
    [InlineData("Not/AZone", "2026-07-01 12:30 UTC")]
    public void Instants_are_shown_in_the_chosen_zone_with_the_offset(string zone, string expected) =>
        Assert.Equal(expected, TimeDisplay.Format(Instant, zone));

    [Fact]
    public void The_zone_choices_start_with_UTC_and_hold_only_known_zones()
    {
        var choices = TimeDisplay.Choices();
        Assert.Equal(TimeDisplay.Utc, choices[0].Id);
        Assert.All(choices, c => Assert.True(TimeDisplay.IsKnownZone(c.Id)));
        Assert.Contains(choices, c => c.Id == "Europe/Berlin");
    }

    [Fact]
    public void Generated_passwords_are_long_and_varied()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => PasswordGenerator.Generate()).ToList();
        Assert.All(passwords, p => Assert.Equal(20, p.Length));
        Assert.Equal(50, passwords.Distinct().Count());
        Assert.All(passwords, p => Assert.True(p.Any(char.IsDigit) && p.Any(char.IsUpper) && p.Any(char.IsLower)));
    }
}
