using CasesPortal.Features.Cases.Evidence;
using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Data;

/// <summary>
/// About fifty varied demo cases spread over the last four months, worked by the demo team through the real case
/// services (so numbers, history and durations are exactly what analysts would have produced). Each case gets the
/// demo alerts and events of one or two hosts from the day and a half before it was opened.
/// </summary>
public sealed class DemoCases(CaseQueries queries, CaseEvents events, IDbContextFactory<CasesDbContext> dbFactory)
{
    private static readonly (string Title, string Category, string[] Tags, CaseSeverity Severity)[] Incidents =
    [
        ("Credential phishing campaign targeting finance", "Phishing", ["phishing", "finance", "o365"], CaseSeverity.High),
        ("Suspicious PowerShell download cradle on WS-042", "Execution", ["powershell", "endpoint"], CaseSeverity.High),
        ("Impossible travel sign-in for j.morgan", "Identity", ["impossible-travel", "azure-ad"], CaseSeverity.Medium),
        ("Ransomware note found on FS01 share", "Malware", ["ransomware", "file-server"], CaseSeverity.Critical),
        ("Brute force against VPN gateway", "Initial access", ["brute-force", "vpn"], CaseSeverity.Medium),
        ("Beaconing to 203.0.113.7 every 60 s", "Command and control", ["c2", "beaconing", "network"], CaseSeverity.High),
        ("Mass file deletion by service account", "Impact", ["data-loss", "service-account"], CaseSeverity.High),
        ("New local admin created on SRV-DB02", "Persistence", ["privilege", "windows"], CaseSeverity.Medium),
        ("Outbound SMB to the internet from HR subnet", "Exfiltration", ["smb", "network"], CaseSeverity.Medium),
        ("Malicious macro document opened by sales user", "Execution", ["macro", "phishing"], CaseSeverity.High),
        ("DNS tunnelling pattern from kiosk host", "Command and control", ["dns", "tunnelling"], CaseSeverity.Medium),
        ("MFA fatigue attempts on executive account", "Identity", ["mfa", "vip"], CaseSeverity.High),
        ("Vulnerability scanner flagged as port scan", "Discovery", ["scan", "benign"], CaseSeverity.Low),
        ("Crypto miner on build agent", "Impact", ["cryptomining", "ci"], CaseSeverity.Medium),
        ("Suspicious OAuth consent grant", "Persistence", ["oauth", "o365"], CaseSeverity.High),
        ("LSASS memory access by unknown binary", "Credential access", ["lsass", "mimikatz"], CaseSeverity.Critical),
        ("Data upload to personal cloud storage", "Exfiltration", ["dlp", "cloud"], CaseSeverity.Medium),
        ("Web shell detected on intranet server", "Persistence", ["webshell", "iis"], CaseSeverity.Critical),
        ("Phishing report: fake parcel delivery", "Phishing", ["phishing", "user-report"], CaseSeverity.Low),
        ("Disabled EDR agent on laptop LT-118", "Defense evasion", ["edr", "tamper"], CaseSeverity.High),
    ];

    private static readonly string[] Notes =
    [
        "Pulled the process tree from the EDR console; parent is `winword.exe`.",
        "Host isolated at the network level. Waiting for the owner to confirm.",
        "Checked the IP against our threat intel feeds: listed as **known bad** since last week.",
        "User confirms they did not initiate the sign-in. Password reset and sessions revoked.",
        "No lateral movement seen in the last 48 h of authentication logs.",
        "Blocked the sender domain at the mail gateway and purged 37 copies from mailboxes.",
        "Escalating to the infrastructure team for a full reimage.",
        "False alarm: this is the quarterly vulnerability scan. Added an exception.",
        "Hash submitted to the sandbox; verdict malicious (family: Qakbot).",
        "Timeline so far:\n\n- 08:12 first alert\n- 08:20 triage started\n- 08:41 host contained",
    ];

    /// <summary>How far back the demo history reaches.</summary>
    public const int Days = 120;

    public async Task SeedAsync(IReadOnlyList<string> userIds, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(20261128);
        var clock = new SeedClock(now.AddDays(-Days));
        var cases = new CaseService(dbFactory, queries, events, clock);
        var comments = new CommentService(dbFactory, events, clock);
        var evidence = new CaseEvidenceService(dbFactory, cases, events, clock);
        CaseActor Actor(int i) => new(userIds[i % userIds.Count], new HashSet<string> { Features.Accounts.Roles.Analyst });

        for (var i = 0; i < 50; i++)
        {
            var (title, category, tags, severity) = Incidents[i % Incidents.Length];
            clock.Now = now.AddDays(-Days + i * 2.3).AddMinutes(random.Next(0, 600));
            var reporter = Actor(random.Next(userIds.Count));
            var assignees = userIds.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList();
            var created = (await cases.CreateAsync(reporter, new NewCase(i < Incidents.Length ? title : $"{title} (recurrence {i / Incidents.Length})",
                $"Raised from an alert.\n\n**Scope:** {random.Next(1, 40)} hosts, {random.Next(1, 12)} users.", tags, severity, category, assignees), ct)).Value!;

            var version = created.Version;
            var (alertIds, eventIds) = await EvidenceBeforeAsync(clock.Now, random, ct);
            if (alertIds.Count > 0) await evidence.AttachAlertsAsync(reporter, created.Id, alertIds, ct);
            if (eventIds.Count > 0) await evidence.AttachEventsAsync(reporter, created.Id, eventIds, ct);
            foreach (var note in Notes.OrderBy(_ => random.Next()).Take(random.Next(0, 4)))
            {
                clock.Now = clock.Now.AddMinutes(random.Next(10, 300));
                await comments.AddAsync(Actor(random.Next(userIds.Count)), created.Id, note, ct: ct);
            }

            var stage = i < 38 ? random.Next(3) : 0; // the newest stay open
            if (stage >= 1)
            {
                clock.Now = clock.Now.AddHours(random.Next(1, 30));
                version = (await cases.UpdateAsync(Actor(i), [new CaseChanges(created.Id, version) { Status = CaseStatus.InProgress }], ct)).Value![0].Version;
            }
            if (stage == 2)
            {
                clock.Now = clock.Now.AddHours(random.Next(2, 120));
                var reason = (CloseReason)random.Next(0, 3);
                await cases.UpdateAsync(Actor(i), [new CaseChanges(created.Id, version)
                    { Status = CaseStatus.Closed, CloseReason = reason, CloseReasonNote = reason == CloseReason.Benign ? "Expected admin activity." : null }], ct);
            }
        }
    }

    /// <summary>The alerts and events of the busiest one or two hosts in the 36 hours before <paramref name="openedAt"/>.</summary>
    private async Task<(List<string> Alerts, List<string> Events)> EvidenceBeforeAsync(DateTimeOffset openedAt, Random random, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = openedAt.AddHours(-36);
        var recent = db.Alerts.Where(a => a.Timestamp >= since && a.Timestamp <= openedAt && a.HostName != null);
        var hosts = await recent.GroupBy(a => a.HostName).OrderByDescending(g => g.Count()).Select(g => g.Key!).Take(random.Next(1, 3)).ToListAsync(ct);
        var alerts = await recent.Where(a => hosts.Contains(a.HostName!)).OrderByDescending(a => a.Timestamp).Select(a => a.Id).Take(random.Next(2, 60)).ToListAsync(ct);
        var events = await db.SecurityEvents.Where(e => e.Timestamp >= since && e.Timestamp <= openedAt && hosts.Contains(e.HostName!))
            .OrderByDescending(e => e.Timestamp).Select(e => e.Id).Take(random.Next(0, 25)).ToListAsync(ct);
        return (alerts, events);
    }

    private sealed class SeedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
