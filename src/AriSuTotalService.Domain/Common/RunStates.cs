namespace AriSuTotalService.Domain.Common;

/// <summary>
/// The states of background work a client follows — a surge scan or an import (CONTRACTS.md: "Scan states (and import
/// states)"): queued, running, then completed or failed.
/// </summary>
public static class RunStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Queued, Running, Completed, Failed];

    /// <summary>Still to finish: queued or running.</summary>
    public static bool IsOpen(string state) => state is Queued or Running;
}
