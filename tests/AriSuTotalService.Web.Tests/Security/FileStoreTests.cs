using AriSuTotalService.Infrastructure.Files;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Security;

public class FileStoreTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private FileStore Store => factory.Services.GetRequiredService<FileStore>();

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1];

    [Fact]
    public async Task A_photo_is_stored_outside_wwwroot_under_a_generated_name_with_the_type_from_its_content()
    {
        var stored = await Store.SaveAsync(new MemoryStream(Jpeg), UploadKind.Image);
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{32}\.jpg$", stored.Path);
        var full = Path.Combine(factory.DataFolder, "files", stored.Path);
        Assert.True(File.Exists(full));
        Assert.DoesNotContain("wwwroot", full);
        await using var read = Store.OpenRead(stored.Path);
        Assert.Equal(Jpeg.Length, read.Length);
    }

    [Fact]
    public async Task A_non_image_is_refused_whatever_it_is_called()
    {
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var ex = await Assert.ThrowsAsync<UploadRejectedException>(() => Store.SaveAsync(new MemoryStream(html), UploadKind.Image));
        Assert.Contains("사진 파일", ex.Message);
        var pdf = "%PDF-1.7 receipt"u8.ToArray();
        await Assert.ThrowsAsync<UploadRejectedException>(() => Store.SaveAsync(new MemoryStream(pdf), UploadKind.Image));
        Assert.Equal("application/pdf", (await Store.SaveAsync(new MemoryStream(pdf), UploadKind.ImageOrPdf)).ContentType);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_and_nothing_is_written()
    {
        var before = Directory.Exists(Path.Combine(factory.DataFolder, "files"))
            ? Directory.GetFiles(Path.Combine(factory.DataFolder, "files"), "*", SearchOption.AllDirectories).Length : 0;
        var big = new byte[Store.MaxBytes + 1];
        Jpeg.CopyTo(big, 0);
        var ex = await Assert.ThrowsAsync<UploadRejectedException>(() => Store.SaveAsync(new MemoryStream(big), UploadKind.Image));
        Assert.Contains("너무 큽니다", ex.Message);
        var after = Directory.Exists(Path.Combine(factory.DataFolder, "files"))
            ? Directory.GetFiles(Path.Combine(factory.DataFolder, "files"), "*", SearchOption.AllDirectories).Length : 0;
        Assert.Equal(before, after);
    }

    [Fact]
    public void A_path_outside_the_storage_root_cannot_be_read()
    {
        Assert.Throws<UnauthorizedAccessException>(() => Store.OpenRead("../../etc/passwd"));
    }
}
