namespace AriSuTotalService.Web.Setup;

/// <summary>CSV output shared by the exports: RFC 4180 quoting, UTF-8 with a byte-order mark (opens cleanly in Excel).</summary>
public static class Csv
{
    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static byte[] Utf8WithBom(string text) =>
        [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text)];
}
