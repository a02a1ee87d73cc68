using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CasesPortal.Hosting.Benchmark;

public sealed record ProcessFigures(double StartupSeconds, double ColdRssMb, double? IdleRssMb, int Circuits, int CircuitsAsked, string? Skipped);

/// <summary>
/// The portal as an operator runs it: <c>dotnet CasesPortal.dll</c> started as a child process over the built
/// database, timed to its first 200 from <c>/healthz</c>; then case pages held open in Chromium tabs (one Blazor
/// circuit each), idle, with the process's resident memory read from <c>/proc</c> before and after.
/// </summary>
public static class ProcessBenchmark
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(10);

    public static async Task<ProcessFigures> RunAsync(IReadOnlyList<string> databaseSettings, long caseNumber, int circuits, TextWriter log)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var portalDll = typeof(BenchPortal).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(portalDll)!,
        };
        string[] arguments = [portalDll, .. databaseSettings, $"--Urls={address}",
            "--Logging:LogLevel:Default=Warning", $"--Bootstrap:AdminEmail={BenchPortal.AdminEmail}", $"--Bootstrap:AdminPassword={BenchPortal.AdminPassword}"];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        log.Write("  start-up…");
        var started = Stopwatch.GetTimestamp();
        using var portal = Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal process.");
        _ = portal.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = portal.StandardError.BaseStream.CopyToAsync(Stream.Null);
        try
        {
            var startup = await FirstHealthyAsync(address, portal, started);
            var cold = RssMb(portal.Id);
            log.WriteLine(BenchRow.Invariant($" {startup.TotalSeconds:0.00} s, {cold:N0} MB"));
            if (ChromiumTabs.ExecutablePath is not { } chromium)
                return new ProcessFigures(startup.TotalSeconds, cold, null, 0, circuits, "no Chromium (install it or set CHROMIUM_PATH)");

            log.Write($"  {circuits} case pages open in Chromium…");
            var (client, cookies) = await BenchLogin.LogInAsync(address, BenchPortal.AdminEmail, BenchPortal.AdminPassword);
            client.Dispose();
            await using var tabs = await ChromiumTabs.StartAsync(chromium);
            var interactive = await tabs.OpenInteractiveAsync(new Uri(address, $"/cases/{caseNumber}"), cookies, circuits, TimeSpan.FromSeconds(60 + 3 * circuits));
            await Task.Delay(Idle);
            var idle = RssMb(portal.Id);
            log.WriteLine(BenchRow.Invariant($" {interactive} interactive, {idle:N0} MB"));
            return new ProcessFigures(startup.TotalSeconds, cold, idle, interactive, circuits, null);
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync();
        }
    }

    private static async Task<TimeSpan> FirstHealthyAsync(Uri address, Process portal, long started)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(3))
        {
            if (portal.HasExited) throw new InvalidOperationException($"The portal process ended with {portal.ExitCode} before answering.");
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return Stopwatch.GetElapsedTime(started);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("The portal process did not answer /healthz within 3 minutes.");
    }

    /// <summary>Resident memory of a process (VmRSS in /proc/[pid]/status), in MB.</summary>
    public static double RssMb(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
