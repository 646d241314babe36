using System.Collections.Concurrent;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Surges;

/// <summary>
/// The progress of the scans this node is running (meters judged of meters to judge), for the page and the API. The
/// scan is one transaction, so its progress cannot be saved with it: this node keeps it, and on SQL Server (several
/// nodes, the job on any of them) each slice's figure is also written to the run on a connection of its own.
/// </summary>
public sealed class ScanProgressBoard(IServiceScopeFactory scopes, DatabaseOptions database, ILogger<ScanProgressBoard> logger)
{
    private readonly ConcurrentDictionary<long, ScanProgress> _runs = new();

    public ScanProgress? Of(long runId) => _runs.TryGetValue(runId, out var p) ? p : null;

    /// <summary>A run's meters judged of meters to judge: this node's live figure, else the stored one.</summary>
    public ScanProgress Current(Domain.Surges.ScanRun run) =>
        Of(run.Id) is { ToJudge: > 0 } live ? live : new ScanProgress(run.Judged, run.ToJudge);

    public IProgress<ScanProgress> For(long runId)
    {
        _runs[runId] = default;
        return new Reporter(this, runId);
    }

    public void Remove(long runId, out ScanProgress last) => _runs.TryRemove(runId, out last);

    private void Report(long runId, ScanProgress value)
    {
        _runs[runId] = value;
        if (database.Provider != DatabaseProvider.SqlServer) return;
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
            db.ScanRuns.IgnoreQueryFilters(ArisuDbContext.AllOffices).Where(r => r.Id == runId)
                .ExecuteUpdate(s => s.SetProperty(r => r.Judged, value.Judged).SetProperty(r => r.ToJudge, value.ToJudge));
        }
        catch (Exception ex)
        {
            // Progress is a courtesy: the scan goes on.
            logger.LogWarning("Scan {Run}: progress not written ({Error})", runId, ex.GetType().Name);
        }
    }

    private sealed class Reporter(ScanProgressBoard board, long runId) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => board.Report(runId, value);
    }
}
