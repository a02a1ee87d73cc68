using CasesPortal.Features.Cases.Model;
using CasesPortal.Features.Cases.Services;

namespace CasesPortal.Data;

/// <summary>
/// About fifty varied demo cases spread over the last four months, worked by the demo team through the real case
/// services (so numbers, history and durations are exactly what analysts would have produced).
/// </summary>
public sealed class DemoCases(CaseQueries queries, CaseEvents events, Microsoft.EntityFrameworkCore.IDbContextFactory<CasesDbContext> dbFactory)
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

    public async Task SeedAsync(IReadOnlyList<string> userIds, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(20261128);
        var clock = new SeedClock(now.AddDays(-120));
        var cases = new CaseService(dbFactory, queries, events, clock);
        var comments = new CommentService(dbFactory, events, clock);
        CaseActor Actor(int i) => new(userIds[i % userIds.Count], new HashSet<string> { Features.Accounts.Roles.Analyst });

        for (var i = 0; i < 50; i++)
        {
            var (title, category, tags, severity) = Incidents[i % Incidents.Length];
            clock.Now = now.AddDays(-120 + i * 2.3).AddMinutes(random.Next(0, 600));
            var reporter = Actor(random.Next(userIds.Count));
            var assignees = userIds.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList();
            var created = (await cases.CreateAsync(reporter, new NewCase(i < Incidents.Length ? title : $"{title} (recurrence {i / Incidents.Length})",
                $"Raised from an alert.\n\n**Scope:** {random.Next(1, 40)} hosts, {random.Next(1, 12)} users.", tags, severity, category, assignees), ct)).Value!;

            var version = created.Version;
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

    private sealed class SeedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
