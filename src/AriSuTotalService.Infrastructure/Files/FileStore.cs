using System.Security.Cryptography;

namespace AriSuTotalService.Infrastructure.Files;

/// <summary><c>Storage__Root</c> (default <c>&lt;data folder&gt;/files</c>) and <c>Storage__MaxUploadBytes</c> (default 10 MB).</summary>
public sealed class StorageOptions
{
    public string Root { get; set; } = "";
    [System.ComponentModel.DataAnnotations.Range(1024L, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}

public sealed record StoredFile(string Path, string ContentType, long Length, string Sha256);

/// <summary>Why an upload was refused (shown beside the field).</summary>
public sealed class UploadRejectedException(string message) : Exception(message);

/// <summary>What kinds of file an upload accepts.</summary>
public enum UploadKind
{
    /// <summary>Photos: JPEG, PNG, WebP, HEIC.</summary>
    Image,
    /// <summary>Evidence: the image types and PDF.</summary>
    ImageOrPdf,
}

/// <summary>
/// Uploaded files outside wwwroot, in the shared <c>Storage__Root</c> folder: size limited, type decided by the
/// content's signature (never by the name or the browser's claim), stored under a generated name.
/// </summary>
public sealed class FileStore(StorageOptions options, TimeProvider clock)
{
    private static readonly (string Type, string Extension, Func<byte[], bool> Matches)[] Signatures =
    [
        ("image/jpeg", ".jpg", b => b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF),
        ("image/png", ".png", b => b.Length >= 8 && b.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })),
        ("image/webp", ".webp", b => b.Length >= 12 && b.AsSpan(0, 4).SequenceEqual("RIFF"u8) && b.AsSpan(8, 4).SequenceEqual("WEBP"u8)),
        ("image/heic", ".heic", b => b.Length >= 12 && b.AsSpan(4, 4).SequenceEqual("ftyp"u8)
            && (b.AsSpan(8, 4).SequenceEqual("heic"u8) || b.AsSpan(8, 4).SequenceEqual("heix"u8) || b.AsSpan(8, 4).SequenceEqual("mif1"u8))),
        ("application/pdf", ".pdf", b => b.Length >= 5 && b.AsSpan(0, 5).SequenceEqual("%PDF-"u8)),
    ];

    public long MaxBytes => options.MaxUploadBytes;

    public async Task<StoredFile> SaveAsync(Stream content, UploadKind kind, CancellationToken ct = default)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > options.MaxUploadBytes)
                throw new UploadRejectedException($"파일이 너무 큽니다. {options.MaxUploadBytes / (1024 * 1024)}MB 이하만 올릴 수 있습니다.");
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) throw new UploadRejectedException("빈 파일입니다.");
        var header = bytes.AsSpan(0, Math.Min(16, bytes.Length)).ToArray();
        var match = Signatures.FirstOrDefault(s => s.Matches(header));
        if (match.Type is null || (kind == UploadKind.Image && match.Type == "application/pdf"))
            throw new UploadRejectedException(kind == UploadKind.Image
                ? "사진 파일(JPEG, PNG, WebP, HEIC)만 올릴 수 있습니다."
                : "사진 파일(JPEG, PNG, WebP, HEIC) 또는 PDF만 올릴 수 있습니다.");

        var now = clock.GetUtcNow().UtcDateTime;
        var relative = Path.Combine(now.ToString("yyyy"), now.ToString("MM"), Guid.NewGuid().ToString("N") + match.Extension);
        var full = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, bytes, ct);
        return new StoredFile(relative.Replace('\\', '/'), match.Type, bytes.Length, Convert.ToHexString(SHA256.HashData(bytes)));
    }

    public Stream OpenRead(string relativePath) => File.OpenRead(FullPath(relativePath));

    /// <summary>Removes a file stored for a change that was not saved (no record points to it).</summary>
    public void Remove(string relativePath)
    {
        try
        {
            File.Delete(FullPath(relativePath));
        }
        catch (IOException)
        {
            // Left for the storage sweep; the change itself has already failed and says so.
        }
    }

    private string FullPath(string relative)
    {
        var root = Path.GetFullPath(options.Root);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UnauthorizedAccessException("path outside the storage root");
        return full;
    }
}
