using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace AriSuTotalService.Infrastructure;

/// <summary>A setting that cannot be used: the message names it as an operator writes it and says what it may be.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : InvalidOperationException("The settings cannot be used:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads a settings section at start and checks it whole, so the app never starts with a value it would misread:
/// each value of the wrong kind or outside its range is named as the environment variable that sets it
/// (<c>Jobs__WorkerCount</c>) with what it may be. Ranges are the options classes' <see cref="RangeAttribute"/>s.
/// </summary>
public static partial class Settings
{
    public static T Read<T>(IConfiguration config, string section) where T : class, new()
    {
        T value;
        try
        {
            value = config.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e) when (BinderMessage().Match(e.Message) is { Success: true } m)
        {
            throw new SettingsException([$"{Variable(m.Groups["path"].Value)} must be {Kind(m.Groups["type"].Value)}, not '{m.Groups["value"].Value}'."]);
        }
        var problems = new List<string>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<RangeAttribute>() is { } range && !range.IsValid(property.GetValue(value)))
                problems.Add($"{Variable($"{section}:{property.Name}")} must be from {range.Minimum} to {range.Maximum}, not {property.GetValue(value)}.");
        }
        if (problems.Count > 0) throw new SettingsException(problems);
        return value;
    }

    /// <summary>A yes/no setting: true or false (any case); empty is the default.</summary>
    public static bool Flag(IConfiguration config, string key, bool fallback)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return bool.TryParse(text.Trim(), out var flag) ? flag
            : throw new SettingsException([$"{Variable(key)} must be true or false, not '{text}'."]);
    }

    /// <summary>"Jobs:WorkerCount" → "Jobs__WorkerCount", as set in the environment.</summary>
    public static string Variable(string path) => path.Replace(":", "__", StringComparison.Ordinal);

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        "System.Decimal" or "System.Double" => "a number",
        "System.TimeSpan" => "a time span (hh:mm:ss)",
        _ => $"a {type.Split('.').Last()}",
    };

    [GeneratedRegex("Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderMessage();
}
