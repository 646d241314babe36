using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Offices;

namespace AriSuTotalService.Domain.Imports;

/// <summary>
/// One CSV import (customers, complaint history, meter readings, panel answers): who sent which file, how far it got,
/// and its result — counts, or the file's problems by line and column. Nothing of a failed import is stored.
/// </summary>
public class ImportRun : IOfficeOwned
{
    public const int MaxFileNameLength = 200;

    private ImportRun() { }

    public ImportRun(int officeId, string kind, string fileName, int fileRows, string requestedBy, string node, DateTime atUtc)
    {
        OfficeId = officeId;
        Kind = kind;
        FileName = Common.Text.FitFileName(string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : fileName.Trim(), MaxFileNameLength);
        FileRows = fileRows;
        RequestedBy = requestedBy;
        Node = node.Length > 100 ? node[..100] : node;
        RequestedAtUtc = atUtc;
        State = RunStates.Queued;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    /// <summary>customers, complaints, meter-readings, panel-answers.</summary>
    public string Kind { get; private set; } = "";
    public string State { get; private set; } = RunStates.Queued;
    public string FileName { get; private set; } = "";
    /// <summary>Lines of the file after the header: what progress counts against.</summary>
    public int FileRows { get; private set; }
    public int RowsChecked { get; private set; }
    public int RowsWritten { get; private set; }
    public int Imported { get; private set; }
    public int Updated { get; private set; }
    /// <summary>The file's problems as JSON ([{ line, column, message }]); null unless the file was refused.</summary>
    public string? Errors { get; private set; }
    /// <summary>
    /// Values kept as written that the office's own rules would not have accepted, as JSON ([{ line, column, message }]; at
    /// most <see cref="MaxWarnings"/>); null when there were none.
    /// </summary>
    public string? Warnings { get; private set; }
    /// <summary>How many warnings the file gave (the list keeps the first <see cref="MaxWarnings"/>).</summary>
    public int WarningCount { get; private set; }
    /// <summary>Why it failed when it is not the file (the server stopped, the database refused).</summary>
    public string? Reason { get; private set; }
    public string RequestedBy { get; private set; } = "";
    /// <summary>The web node holding the file and running the import.</summary>
    public string Node { get; private set; } = "";
    public DateTime RequestedAtUtc { get; private set; }
    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    /// <summary>Last sign of life from the node running it (several web nodes); null where one node runs everything.</summary>
    public DateTime? HeartbeatAtUtc { get; private set; }

    public bool IsOpen => RunStates.IsOpen(State);

    public void Start(DateTime atUtc)
    {
        if (State != RunStates.Queued) throw new InvalidOperationException($"import {Id} is {State}");
        State = RunStates.Running;
        StartedAtUtc = atUtc;
    }

    /// <summary>The warnings a run keeps (the first of them; <see cref="WarningCount"/> counts all).</summary>
    public const int MaxWarnings = 1000;

    public void Complete(DateTime atUtc, int rowsChecked, int rowsWritten, int imported, int updated, int warningCount = 0, string? warningsJson = null)
    {
        State = RunStates.Completed;
        FinishedAtUtc = atUtc;
        (RowsChecked, RowsWritten, Imported, Updated) = (rowsChecked, rowsWritten, imported, updated);
        (WarningCount, Warnings) = (warningCount, warningCount > 0 ? warningsJson : null);
    }

    /// <summary>The file was refused: its problems, nothing written.</summary>
    public void Refuse(DateTime atUtc, int rowsChecked, string errorsJson)
    {
        State = RunStates.Failed;
        FinishedAtUtc = atUtc;
        RowsChecked = rowsChecked;
        RowsWritten = 0;
        Errors = errorsJson;
    }

    /// <summary>Stopped by something other than the file (nothing written: the transaction never committed).</summary>
    public void Fail(DateTime atUtc, string reason)
    {
        State = RunStates.Failed;
        FinishedAtUtc = atUtc;
        RowsWritten = 0;
        Reason = reason.Length > 1000 ? reason[..1000] : reason;
    }
}
