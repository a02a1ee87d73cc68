using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CasesPortal.Hosting.Benchmark;

/// <summary>One generated alert: its indexed values (for the hand-written insert) and its whole Elastic document.</summary>
public sealed record BenchAlert(string Id, long TimestampTicks, string RuleName, string RuleUuid, string Severity, double RiskScore,
    string Reason, string HostId, string HostName, string HostOs, string HostIp, string UserName, string ProcessName, string Document);

/// <summary>
/// Elastic Security alerts shaped like real ones (≈ 1.5 KB, nested ECS plus <c>kibana.alert.*</c> with MITRE data),
/// over a year, chronological, with skewed hosts, users and rules: a few carry most of the activity, as in a real fleet.
/// Deterministic for a given seed, so runs compare.
/// </summary>
public sealed class BenchAlerts(int count, int seed = 20261128)
{
    private static readonly string[] Severities = ["low", "medium", "high", "critical"];
    private static readonly (string Process, string Parent, string Tactic, string TacticName, string Technique, string TechniqueName)[] Behaviours =
    [
        ("powershell.exe", "winword.exe", "TA0002", "Execution", "T1059", "Command and Scripting Interpreter"),
        ("rundll32.exe", "explorer.exe", "TA0005", "Defense Evasion", "T1218", "System Binary Proxy Execution"),
        ("mimikatz.exe", "cmd.exe", "TA0006", "Credential Access", "T1003", "OS Credential Dumping"),
        ("psexec.exe", "services.exe", "TA0008", "Lateral Movement", "T1021", "Remote Services"),
        ("curl", "bash", "TA0011", "Command and Control", "T1105", "Ingress Tool Transfer"),
        ("schtasks.exe", "cmd.exe", "TA0003", "Persistence", "T1053", "Scheduled Task/Job"),
    ];

    // Closing braces of the template, kept out of the raw string where they would read as the end of an interpolation.
    private const string EndRule = "}}}";
    private const string EndDocument = "}";
    private const string EndProcess = "}}";

    public int Count => count;

    /// <summary>The alerts in order, <paramref name="partSize"/> at a time.</summary>
    public IEnumerable<IReadOnlyList<BenchAlert>> Parts(int partSize)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var step = TimeSpan.FromDays(365).Ticks / Math.Max(1, count);
        var part = new List<BenchAlert>(partSize);
        for (var i = 0; i < count; i++)
        {
            part.Add(Alert(random, start.AddTicks(step * i + random.NextInt64(step + 1))));
            if (part.Count == partSize) { yield return part; part = new List<BenchAlert>(partSize); }
        }
        if (part.Count > 0) yield return part;
    }

    public static byte[] Ndjson(IReadOnlyList<BenchAlert> alerts)
    {
        var text = new StringBuilder(alerts.Count * 1600);
        foreach (var alert in alerts) text.Append(alert.Document).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static BenchAlert Alert(Random random, DateTimeOffset time)
    {
        var host = BenchFleet.Host(random);
        var hostName = BenchFleet.HostName(host);
        var os = BenchFleet.Os(host);
        var user = BenchFleet.User(random);
        var rule = BenchFleet.Skewed(random, 300);
        var behaviour = Behaviours[rule % Behaviours.Length];
        var severity = Severities[Math.Min(3, (int)(Math.Pow(random.NextDouble(), 1.5) * 4))];
        var risk = severity switch { "low" => 21, "medium" => 47, "high" => 73, _ => 99 };
        var id = Convert.ToHexStringLower(BenchFleet.RandomBytes(random, 16));
        var ruleUuid = $"{rule:D8}-7a2c-4d1e-9c1e-2b3f7e8a9c01";
        var ruleName = $"{behaviour.TacticName}: suspicious {behaviour.Process} ({rule})";
        var ip = BenchFleet.Ip(host);
        var reason = $"process event with process {behaviour.Process}, parent process {behaviour.Parent}, by {user} on {hostName} created {severity} alert {ruleName}.";
        var stamp = time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var document = $$"""
            {"@timestamp":"{{stamp}}","kibana":{"alert":{"uuid":"{{id}}","status":"active","workflow_status":"open","severity":"{{severity}}","risk_score":{{risk}},"reason":{{Json(reason)}},"original_time":"{{stamp}}","depth":1,"rule":{"name":{{Json(ruleName)}},"uuid":"{{ruleUuid}}","rule_id":"{{ruleUuid}}","category":"Custom Query Rule","rule_type_id":"siem.queryRule","type":"query","consumer":"siem","producer":"siem","severity":"{{severity}}","risk_score":{{risk}},"tags":["Domain: Endpoint","Tactic: {{behaviour.TacticName}}"],"threat":[{"framework":"MITRE ATT&CK","tactic":{"id":"{{behaviour.Tactic}}","name":"{{behaviour.TacticName}}","reference":"https://attack.mitre.org/tactics/{{behaviour.Tactic}}/"},"technique":[{"id":"{{behaviour.Technique}}","name":"{{behaviour.TechniqueName}}","reference":"https://attack.mitre.org/techniques/{{behaviour.Technique}}/"}]}]{{EndRule}},"host":{"id":"{{BenchFleet.HostId(hostName)}}","name":"{{hostName}}","hostname":"{{hostName.ToLowerInvariant()}}","os":{"name":"{{os}}","family":"{{(os.StartsWith("Ubuntu", StringComparison.Ordinal) ? "linux" : "windows")}}","version":"23H2"},"ip":["{{ip}}"]},"user":{"name":"{{user}}","domain":"CORP"},"process":{"name":"{{behaviour.Process}}","pid":{{random.Next(300, 65000)}},"executable":"C:\\Windows\\System32\\{{behaviour.Process}}","command_line":"{{behaviour.Process}} -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA","parent":{"pid":{{random.Next(300, 65000)}},"name":"{{behaviour.Parent}}"{{EndProcess}},"event":{"kind":"signal","category":["process"],"type":["start"],"action":"start","outcome":"success","module":"endpoint","dataset":"endpoint.events.process"},"agent":{"type":"endpoint","version":"8.15.0","id":"{{Convert.ToHexStringLower(BenchFleet.RandomBytes(random, 16))}}"},"ecs":{"version":"8.11.0"},"message":{{Json($"Endpoint process event: {behaviour.Process} started by {behaviour.Parent}")}}{{EndDocument}}
            """;
        return new BenchAlert(id, time.UtcTicks, ruleName, ruleUuid, severity, risk, reason, BenchFleet.HostId(hostName),
            hostName, os, ip, user, behaviour.Process, document);
    }

    private static string Json(string text) => JsonSerializer.Serialize(text);
}
