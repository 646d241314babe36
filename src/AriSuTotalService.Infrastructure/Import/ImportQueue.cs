using AriSuTotalService.Domain.Common;
using System.Collections.Concurrent;
using System.Threading.Channels;
using AriSuTotalService.Domain.Imports;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>Who a background job acts for (the person who asked for it): set on the job's scope, read by <see cref="ICurrentUser"/>.</summary>
public sealed class JobActor
{
    public string? Name { get; set; }
}

/// <summary>
/// Imports as background work on the node that received the file: the upload is spooled to disk and recorded as an
/// <see cref="ImportRun"/> (queued), then run one at a time (SQLite has one writer; on SQL Server one file's merge at a
/// time keeps the others' pages fast). Progress — records checked of the file's records, rows written — is kept here
/// for this node and, on SQL Server (several web nodes), written to the run with a heartbeat every
/// <see cref="HeartbeatEvery"/>. A run whose node stopped (no heartbeat for <see cref="LostAfter"/>, or left open
/// by this node before a restart) is marked failed by <see cref="MarkLostAsync"/>; its transaction never committed, so
/// nothing of it is stored.
/// </summary>
public sealed class ImportQueue(IServiceScopeFactory scopes, DatabaseOptions database, TimeProvider clock, ILogger<ImportQueue> logger)
    : BackgroundService
{
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(2);

    /// <summary>This node, as recorded on its runs.</summary>
    public static readonly string Node = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Where uploads wait for their run (node-local; removed when the run ends, swept at start).</summary>
    public static string Folder => Path.Combine(Path.GetTempPath(), "arisu-imports", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, Entry> _open = new();

    private sealed class Entry(int officeId, string by, CsvSource file) : IProgress<ImportProgress>
    {
        public int OfficeId { get; } = officeId;
        public string By { get; } = by;
        public CsvSource File { get; } = file;
        public TaskCompletionSource<ImportRun> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private ImportProgress _progress;
        public ImportProgress Progress => _progress;
        public void Report(ImportProgress value) => _progress = value;
    }

    /// <summary>Records the run (queued) and hands the file to the worker; <c>Done</c> completes with the finished run.</summary>
    public async Task<(ImportRun Run, Task<ImportRun> Done)> SubmitAsync(int officeId, ICsvImport import, CsvSource file, string fileName,
        string by, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>().ActFor(officeId);
        var run = new ImportRun(officeId, import.Kind, fileName, file.Rows, by, Node, Now);
        db.ImportRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Not recorded, never run: the spooled upload goes too.
            file.Dispose();
            throw;
        }
        var entry = new Entry(officeId, by, file);
        _open[run.Id] = entry;
        _queue.Writer.TryWrite(run.Id);
        return (run, entry.Done.Task);
    }

    /// <summary>This node's live progress of a run it holds; null for a run it does not hold.</summary>
    public ImportProgress? Live(long id) => _open.TryGetValue(id, out var e) ? e.Progress : null;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SweepStoppedNodesFiles();
        var heartbeat = database.Provider == DatabaseProvider.SqlServer ? HeartbeatAsync(stoppingToken) : Task.CompletedTask;
        try
        {
            await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
                await RunAsync(id, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Runs still waiting when the node stops: failed now, not open forever.
        foreach (var id in _open.Keys) await FinishAsync(id, r => r.Fail(Now, StoppedReason), CancellationToken.None);
        await heartbeat;
    }

    /// <summary>Uploads left by processes of this machine that have stopped.</summary>
    private void SweepStoppedNodesFiles()
    {
        var root = Path.GetDirectoryName(Folder)!;
        if (!Directory.Exists(root)) return;
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                continue;
            }
            catch (ArgumentException)
            {
                // No such process: its uploads are orphans.
            }
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException ex)
            {
                logger.LogWarning("Old uploads in {Folder} not removed ({Error})", dir, ex.GetType().Name);
            }
        }
    }

    public const string StoppedReason = "서버가 멈추어 가져오기가 중단되었습니다. 아무것도 저장되지 않았습니다. 파일을 다시 올려 주세요.";

    private async Task RunAsync(long id, CancellationToken stop)
    {
        if (!_open.TryGetValue(id, out var entry)) return;
        try
        {
            using var scope = scopes.CreateScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<ArisuDbContext>().ActFor(entry.OfficeId);
            sp.GetRequiredService<JobActor>().Name = entry.By;
            var run = await db.ImportRuns.SingleAsync(r => r.Id == id, stop);
            run.Start(Now);
            await db.SaveChangesAsync(stop);
            var import = sp.GetServices<ICsvImport>().Single(i => i.Kind == run.Kind);
            logger.LogInformation("Import {Run} of {Kind} started ({Rows} rows)", id, run.Kind, run.FileRows);
            try
            {
                var result = await import.RunAsync(entry.OfficeId, entry.File, entry, stop);
                var p = entry.Progress;
                var warnings = result.WarningCount > 0 ? ImportError.ToJson(result.Warnings) : null;
                await FinishAsync(id, r => r.Complete(Now, Math.Max(p.RowsChecked, r.FileRows), p.RowsWritten, result.Imported, result.Updated,
                    result.WarningCount, warnings), CancellationToken.None);
                logger.LogInformation("Import {Run} of {Kind}: {Imported} new, {Updated} updated, {Warnings} warnings", id, run.Kind,
                    result.Imported, result.Updated, result.WarningCount);
            }
            catch (ImportFailedException ex)
            {
                var errors = ImportError.ToJson(ex.Errors);
                await FinishAsync(id, r => r.Refuse(Now, entry.Progress.RowsChecked, errors), CancellationToken.None);
                logger.LogInformation("Import {Run} of {Kind} refused: {Errors} problems in the file", id, run.Kind, ex.Errors.Count);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await FinishAsync(id, r => r.Fail(Now, StoppedReason), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Import {Run} failed", id);
            await FinishAsync(id, r => r.Fail(Now, "가져오는 중 오류가 났습니다. 아무것도 저장되지 않았습니다: " + ex.Message), CancellationToken.None);
        }
    }

    /// <summary>Records how the run ended (in a scope of its own) and lets go of the file.</summary>
    private async Task FinishAsync(long id, Action<ImportRun> end, CancellationToken ct)
    {
        _open.TryRemove(id, out var entry);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
            var run = await db.ImportRuns.IgnoreQueryFilters(ArisuDbContext.AllOffices).SingleAsync(r => r.Id == id, ct);
            if (run.IsOpen) end(run);
            await db.SaveChangesAsync(ct);
            entry?.Done.TrySetResult(run);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Import {Run}: its end could not be recorded", id);
            entry?.Done.TrySetException(ex);
        }
        finally
        {
            entry?.File.Dispose();
        }
    }

    /// <summary>SQL Server: this node's open runs show their progress and that the node is alive to every node.</summary>
    private async Task HeartbeatAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(HeartbeatEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                foreach (var (id, entry) in _open)
                {
                    try
                    {
                        using var scope = scopes.CreateScope();
                        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
                        var (p, now) = (entry.Progress, Now);
                        await db.ImportRuns.IgnoreQueryFilters(ArisuDbContext.AllOffices).Where(r => r.Id == id)
                            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAtUtc, now)
                                .SetProperty(r => r.RowsChecked, p.RowsChecked).SetProperty(r => r.RowsWritten, p.RowsWritten), stop);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning("Import {Run}: heartbeat not written ({Error})", id, ex.GetType().Name);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Open runs no node is running any more — not held by this node, and without a heartbeat for
    /// <see cref="LostAfter"/> — are marked failed with the reason: all of them at start and daily, one when it is
    /// asked for (<paramref name="onlyRun"/>).
    /// </summary>
    /// <summary>A run silent since before this is counted as lost.</summary>
    public DateTime LostBefore => Now - LostAfter;

    public async Task<int> MarkLostAsync(ArisuDbContext db, CancellationToken ct, long? onlyRun = null)
    {
        var limit = LostBefore;
        var open = await db.ImportRuns.IgnoreQueryFilters(ArisuDbContext.AllOffices)
            .Where(r => (r.State == RunStates.Queued || r.State == RunStates.Running) && (onlyRun == null || r.Id == onlyRun)).ToListAsync(ct);
        var lost = open.Where(r => IsLost(r, limit)).ToList();
        foreach (var run in lost)
        {
            run.Fail(Now, StoppedReason);
            logger.LogWarning("Import {Run} of {Kind} was {State} on {Node}, which no longer runs it: marked failed", run.Id, run.Kind, run.State, run.Node);
        }
        if (lost.Count > 0) await db.SaveChangesAsync(ct);
        return lost.Count;
    }

    /// <summary>
    /// Open and not held by this node, and either silent for <see cref="LostAfter"/> (SQL Server nodes write a heartbeat
    /// while they hold a run) or, where one node runs everything (SQLite), sent before this node started.
    /// </summary>
    public bool IsLost(ImportRun run, DateTime limitUtc) =>
        run.IsOpen && !_open.ContainsKey(run.Id)
        && ((run.HeartbeatAtUtc ?? run.StartedAtUtc ?? run.RequestedAtUtc) < limitUtc
            || (database.Provider != DatabaseProvider.SqlServer && run.RequestedAtUtc < _startedAtUtc));

    private readonly DateTime _startedAtUtc = clock.GetUtcNow().UtcDateTime;
}

/// <summary>An import run as people and clients see it: the stored run with this node's live progress laid over it.</summary>
public sealed record ImportRunView(long Id, string Kind, string State, string FileName, int FileRows, int RowsChecked, int RowsWritten,
    int Imported, int Updated, IReadOnlyList<ImportError> Errors, string? Reason, string RequestedBy, DateTime RequestedAtUtc,
    DateTime? StartedAtUtc, DateTime? FinishedAtUtc)
{
    /// <summary>Values kept as written, with a warning (the first <see cref="ImportRun.MaxWarnings"/>).</summary>
    public IReadOnlyList<ImportError> Warnings { get; init; } = [];

    public int WarningCount { get; init; }

    public bool IsOpen => RunStates.IsOpen(State);

    /// <summary>Records checked of the file's records, 0–100.</summary>
    public int Percent => Progress.Percent(RowsChecked, FileRows, finished: !IsOpen);

    /// <summary>The caller's office's run (null for another office's id); a run whose node stopped is marked failed first.</summary>
    public static async Task<ImportRunView?> LoadAsync(ArisuDbContext db, ImportQueue queue, long id, CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return null;
        if (queue.IsLost(run, queue.LostBefore) && await queue.MarkLostAsync(db, ct, id) > 0)
            run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == id, ct);
        var live = run.IsOpen ? queue.Live(id) : null;
        return new ImportRunView(run.Id, run.Kind, run.State, run.FileName, run.FileRows,
            Math.Max(live?.RowsChecked ?? 0, run.RowsChecked), Math.Max(live?.RowsWritten ?? 0, run.RowsWritten), run.Imported, run.Updated,
            ImportError.FromJson(run.Errors), run.Reason, run.RequestedBy, run.RequestedAtUtc, run.StartedAtUtc, run.FinishedAtUtc)
        {
            Warnings = ImportError.FromJson(run.Warnings),
            WarningCount = run.WarningCount,
        };
    }
}

/// <summary>A progress bar's figure: done of total, 0–100, never 100 until the work has finished.</summary>
public static class Progress
{
    public static int Percent(long done, long total, bool finished) =>
        finished ? 100 : total <= 0 ? 0 : (int)Math.Min(99, done * 100 / total);
}
