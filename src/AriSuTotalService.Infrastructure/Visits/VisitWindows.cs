using Microsoft.Extensions.Configuration;

namespace AriSuTotalService.Infrastructure.Visits;

/// <summary>The visit time windows offered to citizens (<c>Visits__Windows</c>, default 09-12, 13-15, 15-18).</summary>
public sealed class VisitWindows(IConfiguration config)
{
    public IReadOnlyList<string> All { get; } =
        config.GetSection("Visits:Windows").Get<string[]>() is { Length: > 0 } w ? w : ["09-12", "13-15", "15-18"];

    public static string Label(string window) => window.Replace("-", "~", StringComparison.Ordinal) + "시";
}
