using CasesPortal.Features.Cases.Model;

namespace CasesPortal.Hosting.Benchmark;

public sealed record BenchStay(CaseStatus Status, DateTimeOffset Start, DateTimeOffset? End, string ById);

public sealed record BenchComment(string Id, DateTimeOffset At, string ById, string Body);

/// <summary>One generated case with its whole history: status stays, comments, tags, assignees and its slice of alerts.</summary>
public sealed record BenchCase(long Number, string Id, string Title, string Description, CaseSeverity Severity, string? Category,
    DateTimeOffset CreatedAt, string CreatedById, IReadOnlyList<BenchStay> Stays, IReadOnlyList<BenchComment> Comments,
    IReadOnlyList<string> Tags, IReadOnlyList<string> Assignees, CloseReason? CloseReason, long FirstAlert, int AlertCount)
{
    public CaseStatus Status => Stays[^1].Status;
    public DateTimeOffset? ClosedAt => Status == CaseStatus.Closed ? Stays[^1].Start : null;
    public DateTimeOffset? AcknowledgedAt => Stays.FirstOrDefault(s => s.Status == CaseStatus.InProgress)?.Start;
    public long InProgressSeconds => (long)Stays.Where(s => s.Status == CaseStatus.InProgress && s.End is not null).Sum(s => (s.End!.Value - s.Start).TotalSeconds);
    public DateTimeOffset UpdatedAt => new[] { Stays[^1].Start, Comments.Count > 0 ? Comments[^1].At : CreatedAt }.Max();
}

/// <summary>
/// Years of a SOC's cases, oldest first: more cases recently, most old ones closed, a long tail of comments and alerts
/// (most cases hold a few alerts, a few thousands, one <see cref="BenchSize.BigCaseAlerts"/>), skewed analysts, tags
/// and categories. Deterministic for a seed.
/// </summary>
public sealed class BenchCases(BenchSize size, IReadOnlyList<string> analysts, DateTimeOffset now, int seed = 20261130)
{
    public static readonly string[] TagNames =
    [
        "phishing", "malware", "credential-access", "lateral-movement", "ransomware", "c2", "insider", "vulnerability",
        "data-exfiltration", "brute-force", "edr", "email", "cloud", "vip", "false-positive-candidate", "threat-hunt",
        .. Enumerable.Range(1, 24).Select(i => $"campaign-{i:D2}"),
    ];

    private static readonly string[] Categories = ["Malware", "Phishing", "Intrusion", "Policy violation", "Data loss", "Account compromise", "Reconnaissance", "Denial of service"];
    private static readonly string[] Verbs = ["Suspicious", "Malicious", "Unusual", "Repeated", "Blocked", "Confirmed"];
    private static readonly string[] Things = ["PowerShell execution", "sign-in from new country", "mailbox rule", "service creation", "DNS tunnelling", "LSASS access", "macro document", "RDP brute force"];

    /// <summary>The number of the case holding <see cref="BenchSize.BigCaseAlerts"/> alerts: a recent case, still in progress.</summary>
    public long BigCaseNumber => Math.Max(1, size.Cases * 95L / 100);

    public IEnumerable<BenchCase> All()
    {
        var random = new Random(seed);
        var start = now.AddYears(-3);
        var span = now - start - TimeSpan.FromHours(2);
        var maxAlerts = Math.Max(1, Math.Min(10_000, size.Alerts / 100));
        for (long number = 1; number <= size.Cases; number++)
        {
            // More cases each month than the month before: the team grew.
            var created = start + span * Math.Pow((double)number / size.Cases, 0.8);
            var big = number == BigCaseNumber;
            var alerts = big ? size.BigCaseAlerts : (int)Math.Min(maxAlerts, 1 / Math.Max(1e-9, random.NextDouble()));
            var center = (long)((double)number / size.Cases * size.Alerts);
            var first = Math.Clamp(center - alerts / 2, 1, Math.Max(1, size.Alerts - alerts + 1));
            yield return Case(random, number, created, big, first, alerts);
        }
    }

    private BenchCase Case(Random random, long number, DateTimeOffset created, bool big, long firstAlert, int alertCount)
    {
        var host = BenchFleet.HostName(BenchFleet.Host(random));
        var user = BenchFleet.User(random);
        var verb = Verbs[BenchFleet.Skewed(random, Verbs.Length)];
        var thing = Things[BenchFleet.Skewed(random, Things.Length)];
        var title = big ? $"Campaign: {thing} across the fleet" : $"{verb} {thing} on {host}";
        var description = $"""
            ## Summary
            {verb} {thing} seen on **{host}** for `{user}`. Detected by the endpoint rule; see the attached alerts.

            - [ ] Contain the host
            - [ ] Reset the account's credentials
            - [ ] Check lateral movement from `{BenchFleet.Ip(number.GetHashCode() & 0xfff)}`
            """;
        var severity = (CaseSeverity)Math.Min(3, (int)(Math.Pow(random.NextDouble(), 1.6) * 4));
        var category = random.Next(5) == 0 ? null : Categories[BenchFleet.Skewed(random, Categories.Length)];
        var reporter = Analyst(random);
        var stays = Stays(random, created, big);
        var comments = Comments(random, created, stays[^1].Start, number);
        var tags = Enumerable.Range(0, random.Next(4)).Select(_ => TagNames[BenchFleet.Skewed(random, TagNames.Length)]).Distinct().ToList();
        var assignees = Enumerable.Range(0, random.Next(10) switch { 0 => 0, 9 => 2, _ => 1 }).Select(_ => Analyst(random)).Distinct().ToList();
        CloseReason? reason = stays[^1].Status != CaseStatus.Closed ? null
            : random.Next(20) switch { < 5 => CloseReason.TruePositive, < 13 => CloseReason.FalsePositive, < 17 => CloseReason.Benign, < 18 => CloseReason.Duplicate, _ => CloseReason.Other };
        return new BenchCase(number, DeterministicId(random), title, description, severity, category, created, reporter, stays, comments,
            tags, assignees, reason, firstAlert, alertCount);
    }

    /// <summary>Open, then usually in progress within hours, then closed after hours to weeks; a few are reopened and closed again.</summary>
    private List<BenchStay> Stays(Random random, DateTimeOffset created, bool big)
    {
        var stays = new List<BenchStay>();
        var at = created;
        void Move(CaseStatus status, TimeSpan after)
        {
            var next = at + after;
            if (next >= now) return;
            if (stays.Count > 0) stays[^1] = stays[^1] with { End = next };
            stays.Add(new BenchStay(status, next, null, Analyst(random)));
            at = next;
        }
        stays.Add(new BenchStay(CaseStatus.Open, created, null, Analyst(random)));
        if (random.Next(10) < 8 || big) Move(CaseStatus.InProgress, Hours(random, 3));
        if (big) return stays;
        Move(CaseStatus.Closed, Hours(random, 40));
        if (stays[^1].Status == CaseStatus.Closed && random.Next(30) == 0)
        {
            Move(CaseStatus.Open, Hours(random, 100));
            Move(CaseStatus.Closed, Hours(random, 20));
        }
        return stays;
    }

    private List<BenchComment> Comments(Random random, DateTimeOffset created, DateTimeOffset lastChange, long number)
    {
        var count = (int)Math.Min(40, 0.6 / Math.Max(1e-9, random.NextDouble()));
        var end = lastChange > created ? lastChange : created + TimeSpan.FromHours(1);
        var comments = new List<BenchComment>(count);
        for (var i = 0; i < count; i++)
        {
            var at = created + (end - created) * ((i + 1.0) / (count + 1));
            if (at >= now) break;
            comments.Add(new BenchComment(DeterministicId(random), at, Analyst(random),
                $"Checked the process tree on case #{number}: parent `winword.exe`, no persistence found yet. Next: review the proxy logs for the last 24 hours ({i + 1})."));
        }
        return comments;
    }

    private string Analyst(Random random) => analysts[BenchFleet.Skewed(random, analysts.Count)];

    private static TimeSpan Hours(Random random, double median) => TimeSpan.FromHours(median * Math.Exp(1.2 * (random.NextDouble() * 2 - 1) * 1.5));

    public static string DeterministicId(Random random) => new Guid(BenchFleet.RandomBytes(random, 16)).ToString();
}
