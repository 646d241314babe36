using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>
/// One problem of an import: the line (1 is the header), the column and what is wrong — <see cref="Message"/> in Korean
/// with its values, and the same as a resource <see cref="Key"/> with its <see cref="Args"/>, which the upload pages
/// show in the reader's language (the API answers all three).
/// </summary>
public sealed record ImportError(int Line, string? Column, string Message)
{
    /// <summary>The message's resource key (the Korean text with placeholders); the message itself when it has no values.</summary>
    public string? Key { get; init; }

    /// <summary>The values the key's placeholders name, as text.</summary>
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary>A problem whose message is a resource key with values (the values shortened as a file's cells are).</summary>
    public static ImportError Of(int line, string? column, string key, params object?[] args)
    {
        var values = args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToArray();
        return new ImportError(line, column, values.Length == 0 ? key : string.Format(CultureInfo.InvariantCulture, key, values)) { Key = key, Args = values };
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>As an import run keeps them and the API answers them: <c>[{ line, column, message, key, args }]</c>.</summary>
    public static string ToJson(IEnumerable<ImportError> errors) => System.Text.Json.JsonSerializer.Serialize(errors, Json);

    public static IReadOnlyList<ImportError> FromJson(string? json) =>
        json is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<ImportError>>(json, Json) ?? [];
}

/// <summary>An import refused as a whole; nothing was stored.</summary>
public sealed class ImportFailedException(IReadOnlyList<ImportError> errors) : Exception("import refused")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}

/// <summary>What an import stored: new and updated records, and the values it kept with a warning.</summary>
public sealed record ImportResult(int Imported, int Updated)
{
    public ImportResult(int imported, int updated, ImportWarnings? warnings) : this(imported, updated)
    {
        Warnings = warnings?.List ?? [];
        WarningCount = warnings?.Count ?? 0;
    }

    /// <summary>The first <see cref="Domain.Imports.ImportRun.MaxWarnings"/> warnings.</summary>
    public IReadOnlyList<ImportError> Warnings { get; init; } = [];

    /// <summary>Every warning the file gave.</summary>
    public int WarningCount { get; init; }
}

/// <summary>
/// Values an import keeps as written although the office's own rules would not have accepted them — the source system
/// is the record (CONTRACTS.md: <c>warnings: [ { line, column, message } ]</c>): a phone number the numbering plan does
/// not know, an old six-digit postal code. Keeps the first <see cref="Domain.Imports.ImportRun.MaxWarnings"/>, counts all.
/// </summary>
public sealed class ImportWarnings
{
    private readonly List<ImportError> _list = [];

    public IReadOnlyList<ImportError> List => _list;
    public int Count { get; private set; }

    public void Add(int line, string column, string key, params object?[] args)
    {
        Count++;
        if (_list.Count < Domain.Imports.ImportRun.MaxWarnings) _list.Add(ImportError.Of(line, column, key, args));
    }
}

/// <summary>How far an import is: records of the file checked, rows written to the database (inside its transaction).</summary>
public readonly record struct ImportProgress(int RowsChecked, int RowsWritten);

/// <summary>A CSV import of CONTRACTS.md: checks every record, writes all of them in one transaction or none.</summary>
public interface ICsvImport
{
    /// <summary>customers, complaints, meter-readings, panel-answers (as in the API's path).</summary>
    string Kind { get; }

    Task<ImportResult> RunAsync(int officeId, CsvSource file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default);
}

public static class CsvImportExtensions
{
    /// <summary>A small file already in memory.</summary>
    public static async Task<ImportResult> RunAsync(this ICsvImport import, int officeId, byte[] file,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        using var source = CsvSource.FromBytes(file);
        return await import.RunAsync(officeId, source, progress, ct);
    }

    /// <summary>Rows written, reported (synchronously) with the file's records all checked.</summary>
    internal static IProgress<int>? Written(IProgress<ImportProgress>? progress, int rowsChecked) =>
        progress is null ? null : new WrittenRows(progress, rowsChecked);

    private sealed class WrittenRows(IProgress<ImportProgress> progress, int rowsChecked) : IProgress<int>
    {
        public void Report(int value) => progress.Report(new(rowsChecked, value));
    }
}

/// <summary>
/// A CSV file as CONTRACTS.md defines it: UTF-8 (with or without BOM) or CP949 — a file that is valid UTF-8 is read
/// as UTF-8, otherwise as CP949 (<see cref="CsvSource"/>); the first line is the header; columns in any order; unknown
/// columns are an error. Quoted fields (RFC 4180) may hold commas, quotes and line breaks.
/// </summary>
public static class CsvFile
{
    public const int MaxErrors = 200;

    static CsvFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Cp949 => Encoding.GetEncoding(949);

    /// <summary>
    /// Opens the file and checks its header (a header problem throws <see cref="ImportFailedException"/>), then hands out the records one at a time as they
    /// are decoded from the file (never the whole file in memory; no string per field).
    /// </summary>
    public static CsvRecords Open(CsvSource source, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional,
        out Dictionary<string, int> columns)
    {
        var records = new CsvRecords(source);
        try
        {
            columns = Header(records, required, optional);
            return records;
        }
        catch
        {
            records.Dispose();
            throw;
        }
    }

    private static Dictionary<string, int> Header(CsvRecords records, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional)
    {
        if (!records.Next() || records.ToArray().All(string.IsNullOrWhiteSpace))
            throw new ImportFailedException([ImportError.Of(1, null, "빈 파일입니다. 첫 줄은 머리글이어야 합니다.")]);
        var header = records.ToArray().Select(h => h.Trim()).ToArray();
        var errors = new List<ImportError>();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (!required.Contains(name) && !optional.Contains(name))
                errors.Add(ImportError.Of(1, name, "알 수 없는 열입니다: '{0}'", name));
            else if (!found.TryAdd(name, i))
                errors.Add(ImportError.Of(1, name, "같은 열이 두 번 있습니다: '{0}'", name));
        }
        foreach (var missing in required.Where(r => !found.ContainsKey(r)))
            errors.Add(ImportError.Of(1, missing, "필수 열이 없습니다: '{0}'", missing));
        if (errors.Count > 0) throw new ImportFailedException(errors);
        return found;
    }

    // Shared value parsers: each returns null and adds an error when the value is not acceptable.

    public static DateOnly? ParseDate(ReadOnlySpan<char> value, int line, string column, List<ImportError> errors)
    {
        // Fast path for the exact yyyy-MM-dd shape; anything else goes through the full parser.
        if (value.Length == 10 && value[4] == '-' && value[7] == '-'
            && int.TryParse(value[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var yy)
            && int.TryParse(value.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mm)
            && int.TryParse(value.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var dd)
            && yy >= 1 && mm is >= 1 and <= 12 && dd >= 1 && dd <= DateTime.DaysInMonth(yy, mm))
            return new DateOnly(yy, mm, dd);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(ImportError.Of(line, column, "날짜는 yyyy-MM-dd 형식이어야 합니다: '{0}'", Shorten(value)));
        return null;
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss in Asia/Seoul, or with an explicit +09:00; returned in UTC.</summary>
    public static DateTime? ParseSeoulDateTime(string value, int line, string column, List<ImportError> errors)
    {
        if (DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return Domain.Calendar.SeoulTime.ToUtc(local);
        if (value.EndsWith("+09:00", StringComparison.Ordinal)
            && DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return withOffset.UtcDateTime;
        errors.Add(ImportError.Of(line, column, "일시는 yyyy-MM-ddTHH:mm:ss (서울 시각) 형식이어야 합니다: '{0}'", Shorten(value)));
        return null;
    }

    public static long? ParseWhole(ReadOnlySpan<char> value, int line, string column, List<ImportError> errors, long min = 0, long max = long.MaxValue)
    {
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(ImportError.Of(line, column, "{0} 이상 {1} 이하의 정수여야 합니다: '{2}'", min, max, Shorten(value)));
        return null;
    }

    public static string? Required(string value, int line, string column, List<ImportError> errors, int maxLength)
    {
        if (value.Length == 0)
        {
            errors.Add(ImportError.Of(line, column, "값이 비어 있습니다."));
            return null;
        }
        if (value.Length > maxLength)
        {
            errors.Add(ImportError.Of(line, column, "{0}자를 넘습니다.", maxLength));
            return null;
        }
        return value;
    }

    public static string Shorten(ReadOnlySpan<char> value) => value.Length > 40 ? string.Concat(value[..40], "…") : value.ToString();
}

/// <summary>
/// The records of a CSV file, read one at a time as the file is decoded (Sep: RFC 4180 quoted fields, which may span
/// lines, are unquoted; a field is a span of the reader's buffer, valid until the next record).
/// </summary>
public sealed class CsvRecords : IDisposable
{
    /// <summary>How often (in records) callers report progress.</summary>
    public const int ProgressEvery = 10_000;

    private readonly TextReader _text;
    private readonly SepReader _reader;
    private int _nextLine = 1;

    internal CsvRecords(CsvSource source)
    {
        _text = source.OpenText();
        _reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(_text);
    }

    /// <summary>The line the current record starts on (1 is the header).</summary>
    public int Line { get; private set; }

    /// <summary>Records read after the header (blank lines included): what progress counts against <see cref="CsvSource.Rows"/>.</summary>
    public int Row { get; private set; } = -1;

    public int FieldCount => _reader.Current.ColCount;

    public bool Next()
    {
        if (!_reader.MoveNext()) return false;
        Line = _nextLine;
        _nextLine = _reader.Current.LineNumberToExcl;
        Row++;
        return true;
    }

    /// <summary>A field as written (untrimmed); empty when the record is shorter.</summary>
    private ReadOnlySpan<char> Raw(int index) =>
        index < 0 || index >= FieldCount ? default : _reader.Current[index].Span;

    /// <summary>The trimmed value of a field; empty when the record is shorter or the index is -1.</summary>
    public ReadOnlySpan<char> this[int index] => Raw(index).Trim();

    /// <summary>An empty line.</summary>
    public bool IsBlank => FieldCount == 1 && Raw(0).Length == 0;

    public string[] ToArray()
    {
        var fields = new string[FieldCount];
        for (var i = 0; i < fields.Length; i++) fields[i] = Raw(i).ToString();
        return fields;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}

/// <summary>Checks one record of a file: false (with its problems added) when it cannot be stored.</summary>
public delegate bool RecordReader<TRow>(CsvRecords records, out TRow row);

/// <summary>
/// The one pass every import makes over its file, inside its transaction: each record is read, checked and written as
/// it comes (the file is never held whole); the first bad row stops the writing, the rest of the file is still checked
/// (up to <see cref="CsvFile.MaxErrors"/> problems), and the caller rolls the transaction back. Progress — records
/// checked, rows written — is reported every <see cref="CsvRecords.ProgressEvery"/> records.
/// </summary>
public static class StreamedImport
{
    /// <returns>Rows written (0 when the file had a problem: the caller rolls back).</returns>
    public static async Task<int> WalkAsync<TRow>(CsvRecords records, List<ImportError> errors, IProgress<ImportProgress>? progress,
        RecordReader<TRow> read, Func<TRow, ValueTask> write)
    {
        var written = 0;
        while (records.Next())
        {
            if (records.Row % CsvRecords.ProgressEvery == 0) progress?.Report(new(records.Row, written));
            if (records.IsBlank) continue;
            if (errors.Count >= CsvFile.MaxErrors) break;
            if (!read(records, out var row)) continue;
            // Once a row is refused nothing more is written (the transaction is rolled back); the rest is checked.
            if (errors.Count > 0) continue;
            await write(row);
            written++;
        }
        if (errors.Count > 0) written = 0;
        progress?.Report(new(records.Row, written));
        return written;
    }
}
