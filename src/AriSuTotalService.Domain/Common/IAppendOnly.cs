namespace AriSuTotalService.Domain.Common;

/// <summary>Rows that are written once and never changed or deleted (the save pipeline refuses both).</summary>
public interface IAppendOnly;
