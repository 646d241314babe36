using System.Data;
using System.Data.Common;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// The parameters of the raw commands, each with its type (and, for text, its size) stated. SQL Server's client refuses
/// to prepare a command with a parameter whose type is only guessed from its value, and a guessed text size makes
/// a new plan for every length; the readiness tests hold every SQL Server command to this.
/// </summary>
public static class CommandParameters
{
    public static DbParameter Add(this DbCommand command, string name, DbType type, object? value = null, int size = 0)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        if (size > 0) p.Size = size;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }
}
