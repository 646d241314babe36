namespace AriSuTotalService.Domain.Common;

/// <summary>Texts carried from one record into a shorter field of another (a note into a reason, a file name).</summary>
public static class Text
{
    /// <summary>The text as it is when it fits, else cut to <paramref name="max"/> characters ending in "…".</summary>
    public static string Fit(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        if (text.Length <= max) return text;
        var cut = max - 1;
        // Never split a surrogate pair.
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>A file name cut to <paramref name="max"/> characters, keeping its extension.</summary>
    public static string FitFileName(string name, int max)
    {
        if (name.Length <= max) return name;
        var extension = Path.GetExtension(name);
        if (extension.Length >= max / 2) return Fit(name, max);
        return Fit(Path.GetFileNameWithoutExtension(name), max - extension.Length) + extension;
    }
}
