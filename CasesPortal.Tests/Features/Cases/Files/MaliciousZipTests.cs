using System.Diagnostics;
using CasesPortal.Features.Cases.Files;

namespace CasesPortal.Tests.Features.Cases.Files;

[Trait(Layer.Name, Layer.Unit)]
public sealed class MaliciousZipTests
{
    private static async Task<byte[]> ZipAsync(byte[] content, string name)
    {
        await using var zip = await MaliciousZip.CreateAsync(new MemoryStream(content), name, DateTimeOffset.UtcNow, default);
        var bytes = new MemoryStream();
        await zip.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public async Task The_zip_holds_the_original_bytes_behind_the_password()
    {
        var content = new byte[300_000];
        Random.Shared.NextBytes(content);
        var zip = await ZipAsync(content, "sample.bin");
        Assert.Equal(content, MaliciousZipReader.Read(zip, "sample.bin"));
        Assert.Equal(-1, zip.AsSpan().IndexOf(content.AsSpan(0, 64)));
    }

    /// <summary>The field's tools must open it: Info-ZIP's unzip with -P infected, where installed.</summary>
    [SkippableFact]
    public async Task Unzip_opens_it_with_the_password_infected()
    {
        Skip.IfNot(File.Exists("/usr/bin/unzip"), "unzip is not installed");
        var content = "MZ\u0090 not really a PE"u8.ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"malicious-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(path, await ZipAsync(content, "dropper.exe"));
        try
        {
            using var unzip = Process.Start(new ProcessStartInfo("/usr/bin/unzip", ["-P", MaliciousZip.Password, "-p", path, "dropper.exe"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = new MemoryStream();
            await unzip.StandardOutput.BaseStream.CopyToAsync(output);
            await unzip.WaitForExitAsync();
            Assert.Equal(0, unzip.ExitCode);
            Assert.Equal(content, output.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
