using System.Diagnostics;

namespace AriSuTotalService.Benchmarks;

/// <summary>Memory above the app at rest: the working set sampled every 10 ms during a run, less the one before it.</summary>
public static class PeakMemory
{
    public static async Task<(T Result, double Seconds, double AboveIdleMb)> MeasureAsync<T>(Func<Task<T>> work)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var current = Process.GetCurrentProcess();
        current.Refresh();
        var idle = current.WorkingSet64;
        var peak = idle;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var p = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                p.Refresh();
                peak = Math.Max(peak, p.WorkingSet64);
                await Task.Delay(10);
            }
        });
        var sw = Stopwatch.StartNew();
        var result = await work();
        sw.Stop();
        sampling.Cancel();
        await sampler;
        return (result, sw.Elapsed.TotalSeconds, (peak - idle) / (1024.0 * 1024.0));
    }
}
