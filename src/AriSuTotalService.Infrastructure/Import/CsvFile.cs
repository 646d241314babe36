using System.Globalization;
using System.Text;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>One problem of an import: the line (1 is the header), the column and what is wrong.</summary>
public sealed record ImportError(int Line, string? Column, string Message);

/// <summary>An import refused as a whole; nothing was stored.</summary>
public sealed class ImportFailedException(IReadOnlyList<ImportError> errors) : Exception("import refused")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}

public sealed record ImportResult(int Imported, int Updated);

/// <summary>
/// A CSV file as CONTRACTS.md defines it: UTF-8 (with or without BOM) or CP949 — a file that is valid UTF-8 is read
/// as UTF-8, otherwise as CP949; the first line is the header; columns in any order; unknown columns are an error.
/// Quoted fields (RFC 4180) may hold commas, quotes and line breaks.
/// </summary>
public sealed class CsvFile
{
    public const int MaxErrors = 200;

    private readonly Dictionary<string, int> _columns;

    private CsvFile(Dictionary<string, int> columns, List<(int Line, string[] Fields)> rows)
    {
        _columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    static CsvFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Cp949 => Encoding.GetEncoding(949);

    public static string Decode(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Cp949.GetString(bytes);
        }
    }

    /// <summary>Reads and checks the header; throws <see cref="ImportFailedException"/> for a header problem.</summary>
    public static CsvFile Parse(byte[] bytes, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional)
    {
        var records = Open(bytes, required, optional, out var columns);
        var rows = new List<(int Line, string[] Fields)>();
        while (records.Next())
            if (!records.IsBlank) rows.Add((records.Line, records.ToArray()));
        return new CsvFile(columns, rows);
    }

    /// <summary>
    /// Decodes the file and checks its header like <see cref="Parse"/>, then hands out the records one at a time
    /// (for files of millions of rows: no string per field).
    /// </summary>
    public static CsvRecords Open(byte[] bytes, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional,
        out Dictionary<string, int> columns)
    {
        var records = new CsvRecords(Decode(bytes));
        if (!records.Next() || records.ToArray().All(string.IsNullOrWhiteSpace))
            throw new ImportFailedException([new ImportError(1, null, "빈 파일입니다. 첫 줄은 머리글이어야 합니다.")]);
        var header = records.ToArray().Select(h => h.Trim()).ToArray();
        var errors = new List<ImportError>();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (!required.Contains(name) && !optional.Contains(name))
                errors.Add(new ImportError(1, name, $"알 수 없는 열입니다: '{name}'"));
            else if (!found.TryAdd(name, i))
                errors.Add(new ImportError(1, name, $"같은 열이 두 번 있습니다: '{name}'"));
        }
        foreach (var missing in required.Where(r => !found.ContainsKey(r)))
            errors.Add(new ImportError(1, missing, $"필수 열이 없습니다: '{missing}'"));
        if (errors.Count > 0) throw new ImportFailedException(errors);
        columns = found;
        return records;
    }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The trimmed value of a column in a row ("" when the row is short or the column absent).</summary>
    public string Get(string[] fields, string column) =>
        _columns.TryGetValue(column, out var i) && i < fields.Length ? fields[i].Trim() : "";

    /// <summary>The position of a column (for tight loops); -1 when absent.</summary>
    public int IndexOf(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    public static string At(string[] fields, int index) => index >= 0 && index < fields.Length ? fields[index].Trim() : "";

    public int ColumnCount => _columns.Count;

    /// <summary>One record with quoted fields (RFC 4180), which may span lines; returns where the next record starts.</summary>
    internal static (string[] Fields, int Next, int Lines) ParseQuotedRecord(string text, int start)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var lines = 1;
        for (var i = start; i < text.Length; i++)
        {
            var ch = text[i];
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') lines++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    return (fields.ToArray(), i + 1, lines);
                default:
                    field.Append(ch);
                    break;
            }
        }
        fields.Add(field.ToString());
        return (fields.ToArray(), text.Length, lines);
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
        errors.Add(new ImportError(line, column, $"날짜는 yyyy-MM-dd 형식이어야 합니다: '{Shorten(value)}'"));
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
        errors.Add(new ImportError(line, column, $"일시는 yyyy-MM-ddTHH:mm:ss (서울 시각) 형식이어야 합니다: '{Shorten(value)}'"));
        return null;
    }

    public static long? ParseWhole(ReadOnlySpan<char> value, int line, string column, List<ImportError> errors, long min = 0, long max = long.MaxValue)
    {
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(new ImportError(line, column, $"{min} 이상 {max} 이하의 정수여야 합니다: '{Shorten(value)}'"));
        return null;
    }

    public static string? Required(string value, int line, string column, List<ImportError> errors, int maxLength)
    {
        if (value.Length == 0)
        {
            errors.Add(new ImportError(line, column, "값이 비어 있습니다."));
            return null;
        }
        if (value.Length > maxLength)
        {
            errors.Add(new ImportError(line, column, $"{maxLength}자를 넘습니다."));
            return null;
        }
        return value;
    }

    public static string Shorten(ReadOnlySpan<char> value) => value.Length > 40 ? string.Concat(value[..40], "…") : value.ToString();
}

/// <summary>
/// The records of a decoded CSV text, read one at a time. A line without quotes is split in place (its fields are
/// ranges of the text); a record with quoted fields (RFC 4180) may span lines and is unquoted into strings.
/// </summary>
public sealed class CsvRecords(string text)
{
    private readonly List<(int Start, int Length)> _ranges = [];
    private string[]? _quoted;
    private int _pos;
    private int _nextLine = 1;

    /// <summary>The line the current record starts on (1 is the header).</summary>
    public int Line { get; private set; }

    /// <summary>How far through the text reading is, 0–100.</summary>
    public int Percent => text.Length == 0 ? 100 : (int)((long)Math.Min(_pos, text.Length) * 100 / text.Length);

    public int FieldCount => _quoted?.Length ?? _ranges.Count;

    public bool Next()
    {
        if (_pos >= text.Length) return false;
        Line = _nextLine;
        var newline = text.IndexOf('\n', _pos);
        var end = newline < 0 ? text.Length : newline;
        if (text.AsSpan(_pos, end - _pos).IndexOf('"') >= 0)
        {
            var (fields, next, lines) = CsvFile.ParseQuotedRecord(text, _pos);
            _quoted = fields;
            _pos = next;
            _nextLine += lines;
            return true;
        }
        _quoted = null;
        _ranges.Clear();
        var lineEnd = end > _pos && text[end - 1] == '\r' ? end - 1 : end;
        var start = _pos;
        while (true)
        {
            var comma = text.AsSpan(start, lineEnd - start).IndexOf(',');
            if (comma < 0)
            {
                _ranges.Add((start, lineEnd - start));
                break;
            }
            _ranges.Add((start, comma));
            start += comma + 1;
        }
        _pos = end + 1;
        _nextLine++;
        return true;
    }

    /// <summary>A field as written (untrimmed); empty when the record is shorter.</summary>
    private ReadOnlySpan<char> Raw(int index) =>
        index < 0 || index >= FieldCount ? default
        : _quoted is { } q ? q[index].AsSpan()
        : text.AsSpan(_ranges[index].Start, _ranges[index].Length);

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
}
