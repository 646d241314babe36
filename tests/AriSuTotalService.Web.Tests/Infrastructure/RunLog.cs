using System.Diagnostics;

namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>Every application log line this test run produced, gathered as each test class's app shuts down.</summary>
public static class RunLog
{
    public static readonly string PathName = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "arisu-tests", $"run-{Environment.ProcessId}-{Process.GetCurrentProcess().StartTime.Ticks}.log");

    private static readonly Lock Gate = new();

    public static void Append(string text)
    {
        if (string.IsNullOrEmpty(text)) return;
        lock (Gate)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(PathName)!);
            File.AppendAllText(PathName, text);
        }
    }

    public static string Read() => File.Exists(PathName) ? File.ReadAllText(PathName) : "";
}

/// <summary>Runs the test collections in name order with the log scan last, after every other class's app has logged.</summary>
public sealed class LastCollectionOrderer : Xunit.ITestCollectionOrderer
{
    public const string LastCollection = "zz-after-everything";

    public IEnumerable<Xunit.Abstractions.ITestCollection> OrderTestCollections(IEnumerable<Xunit.Abstractions.ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName.Contains(LastCollection, StringComparison.Ordinal)).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
