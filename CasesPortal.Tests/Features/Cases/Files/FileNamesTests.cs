using CasesPortal.Features.Cases.Files;

namespace CasesPortal.Tests.Features.Cases.Files;

[Trait(Layer.Name, Layer.Unit)]
public sealed class FileNamesTests
{
    [Theory]
    [InlineData("../../x", "x")]
    [InlineData("..\\..\\windows\\system32\\evil.dll", "evil.dll")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("..", "file")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData(".htaccess", "htaccess")]
    [InlineData("re:port?<1>.txt", "re_port__1_.txt")]
    [InlineData("tab\there.txt", "tab_here.txt")]
    [InlineData("Rapport final é.pdf", "Rapport final é.pdf")]
    public void Names_keep_only_a_safe_last_segment(string? given, string expected) => Assert.Equal(expected, FileNames.Sanitize(given));

    [Fact]
    public void Long_names_are_cut_to_255_keeping_the_extension()
    {
        var name = FileNames.Sanitize(new string('a', 400) + ".docx");
        Assert.Equal(255, name.Length);
        Assert.EndsWith(".docx", name);
    }

    [Fact]
    public void Only_proven_png_jpeg_gif_webp_are_previewable_never_svg()
    {
        Assert.Equal("image/png", FileNames.SniffImage([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal("image/jpeg", FileNames.SniffImage([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("image/gif", FileNames.SniffImage("GIF89a...."u8));
        Assert.Equal("image/webp", FileNames.SniffImage("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Null(FileNames.SniffImage("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8));
        Assert.Equal("image/svg+xml", FileNames.Recorded("image/svg+xml", null));
        Assert.False(FileNames.IsPreviewable("image/svg+xml"));
        // A claimed image type the bytes do not prove is not believed.
        Assert.Equal(FileNames.OctetStream, FileNames.Recorded("image/png", null));
        Assert.Equal("text/html", FileNames.Recorded("text/html; charset=utf-8", null));
    }

    [Fact]
    public void Images_get_the_image_limit_by_extension_or_declared_type()
    {
        var limits = new FilesOptions { MaxBytes = 100, MaxImageBytes = 10 };
        Assert.Equal(10, limits.LimitFor("shot.PNG", null));
        Assert.Equal(10, limits.LimitFor("drawing.svg", "application/octet-stream"));
        Assert.Equal(10, limits.LimitFor("blob", "image/jpeg"));
        Assert.Equal(100, limits.LimitFor("memory.dmp", "application/octet-stream"));
        Assert.Equal("100 MiB", FilesOptions.Describe(100 * FilesOptions.MiB));
    }
}

[Trait(Layer.Name, Layer.Unit)]
public sealed class FilesOptionsTests
{
    [Theory]
    [InlineData("Files:MaxBytes", "lots")]
    [InlineData("Files:MaxBytes", "0")]
    [InlineData("Files:MaxImageBytes", "-5")]
    public async Task A_bad_limit_names_the_setting_in_one_line(string key, string value)
    {
        await using var portal = PortalServices.Build(new() { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => portal.Get<Microsoft.Extensions.Options.IOptions<FilesOptions>>().Value);

        var line = CasesPortal.Hosting.PortalArguments.DescribeStartupProblem(failure);
        Assert.Equal($"Configuration problem in '{key}': '{value}' is not a positive whole number of bytes (e.g. 104857600 for 100 MiB).", line);
    }

    [Fact]
    public async Task The_limits_default_to_100_and_10_mib()
    {
        await using var portal = PortalServices.Build([]);
        var options = portal.Get<Microsoft.Extensions.Options.IOptions<FilesOptions>>().Value;
        Assert.Equal((100 * FilesOptions.MiB, 10 * FilesOptions.MiB), (options.MaxBytes, options.MaxImageBytes));
    }
}
