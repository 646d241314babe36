namespace AriSuTotalService.Web.Setup;

/// <summary>CSV output shared by the exports: RFC 4180 quoting, UTF-8 with a byte-order mark (opens cleanly in Excel).</summary>
public static class Csv
{
    public static string Quote(string value)
    {
        value = Neutralise(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// Formula injection: text that a spreadsheet would take for a formula (it begins with =, +, -, @, a tab or a carriage
    /// return — free text from Open311, addresses, names) gets a leading apostrophe and stays text. Numbers stay numbers.
    /// </summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;

    /// <summary>An XLSX row with every text cell neutralised (numbers and dates untouched).</summary>
    public static Dictionary<string, object?> SafeRow(Dictionary<string, object?> row) =>
        row.ToDictionary(kv => kv.Key, kv => kv.Value is string text ? Neutralise(text) : kv.Value);

    public static byte[] Utf8WithBom(string text) =>
        [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text)];
}
