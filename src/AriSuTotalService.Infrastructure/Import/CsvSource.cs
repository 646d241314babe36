using System.Text;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>
/// An uploaded CSV file on disk (or, for small files, in memory), with what one pass over its bytes learnt as it
/// arrived: its encoding (valid UTF-8 is UTF-8, anything else CP949 — CONTRACTS.md) and how many records it holds, the
/// figure progress is shown against. An import reads it again as a stream; the file is never held whole.
/// </summary>
public sealed class CsvSource : IDisposable
{
    private const int ChunkBytes = 1 << 16;

    private readonly string? _path;
    private readonly byte[]? _bytes;
    private readonly bool _deleteOnDispose;

    private CsvSource(string? path, byte[]? bytes, bool deleteOnDispose, Encoding encoding, long length, int rows)
    {
        _path = path;
        _bytes = bytes;
        _deleteOnDispose = deleteOnDispose;
        Encoding = encoding;
        Length = length;
        Rows = rows;
    }

    public Encoding Encoding { get; }

    /// <summary>Bytes.</summary>
    public long Length { get; }

    /// <summary>Lines after the header (a quoted field spanning lines counts each line): what progress counts against.</summary>
    public int Rows { get; }

    /// <summary>Where the file is kept (null for a file in memory).</summary>
    public string? Path => _path;

    /// <summary>Copies <paramref name="upload"/> to a new file in <paramref name="folder"/>, learning its encoding and size on the way.</summary>
    public static async Task<CsvSource> SpoolAsync(Stream upload, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"import-{Guid.NewGuid():N}.csv");
        try
        {
            var scan = new Scan();
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkBytes, FileOptions.Asynchronous))
            {
                var buffer = new byte[ChunkBytes];
                int read;
                while ((read = await upload.ReadAsync(buffer, ct)) > 0)
                {
                    scan.Add(buffer.AsSpan(0, read));
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            return scan.Finish(path, null, deleteOnDispose: true);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>A file already on disk (kept when disposed).</summary>
    public static CsvSource FromFile(string path)
    {
        var scan = new Scan();
        using (var file = File.OpenRead(path))
        {
            var buffer = new byte[ChunkBytes];
            int read;
            while ((read = file.Read(buffer)) > 0) scan.Add(buffer.AsSpan(0, read));
        }
        return scan.Finish(path, null, deleteOnDispose: false);
    }

    /// <summary>A small file already in memory.</summary>
    public static CsvSource FromBytes(byte[] bytes)
    {
        var scan = new Scan();
        scan.Add(bytes);
        return scan.Finish(null, bytes, deleteOnDispose: false);
    }

    public Stream OpenRead() => _bytes is not null
        ? new MemoryStream(_bytes, writable: false)
        : new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, FileOptions.SequentialScan);

    /// <summary>The decoded text, a byte-order mark skipped.</summary>
    public TextReader OpenText() => new StreamReader(OpenRead(), Encoding, detectEncodingFromByteOrderMarks: Encoding is UTF8Encoding, ChunkBytes);

    public void Dispose()
    {
        if (_deleteOnDispose && _path is not null)
        {
            try
            {
                File.Delete(_path);
            }
            catch (IOException)
            {
                // Still open elsewhere: the folder is swept at start.
            }
        }
    }

    /// <summary>One pass over the bytes: UTF-8 validity (sequences split between chunks included) and line breaks.</summary>
    private sealed class Scan
    {
        private readonly Decoder _utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        private readonly char[] _chars = new char[ChunkBytes + 4];
        private bool _valid = true;
        private long _length;
        private long _newlines;
        private byte _last;

        public void Add(ReadOnlySpan<byte> bytes)
        {
            while (bytes.Length > 0)
            {
                var chunk = bytes[..Math.Min(bytes.Length, ChunkBytes)];
                bytes = bytes[chunk.Length..];
                _length += chunk.Length;
                _newlines += chunk.Count((byte)'\n');
                _last = chunk[^1];
                if (!_valid) continue;
                try
                {
                    _utf8.Convert(chunk, _chars, flush: false, out _, out _, out _);
                }
                catch (DecoderFallbackException)
                {
                    _valid = false;
                }
            }
        }

        public CsvSource Finish(string? path, byte[]? bytes, bool deleteOnDispose)
        {
            if (_valid)
            {
                try
                {
                    // A sequence cut off at the very end is not UTF-8 either.
                    _utf8.Convert(ReadOnlySpan<byte>.Empty, _chars, flush: true, out _, out _, out _);
                }
                catch (DecoderFallbackException)
                {
                    _valid = false;
                }
            }
            var lines = _newlines + (_length > 0 && _last != (byte)'\n' ? 1 : 0);
            var encoding = _valid ? new UTF8Encoding(false) : CsvFile.Cp949;
            return new CsvSource(path, bytes, deleteOnDispose, encoding, _length, (int)Math.Clamp(lines - 1, 0, int.MaxValue));
        }
    }
}
