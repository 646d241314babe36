namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>Reads the rolling log files a factory's app wrote (shared-read, as the app keeps them open).</summary>
public static class LogFiles
{
    public static string ReadAll(ArisuFactory factory) => ReadFolder(factory.LogFolder);

    public static string ReadFolder(string folder)
    {
        if (!Directory.Exists(folder)) return "";
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(folder, "*.log", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }
}
