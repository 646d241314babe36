using System.Text;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace AriSuTotalService.Web.Tests.SqlServerReadiness;

/// <summary>
/// Two transactions that take the same rows in opposite orders deadlock on SQL Server. Intake takes the office's
/// reception-number sequence, then writes its complaints; every other writer of both must take them in that order.
/// The order is read from SQLite's row-change hook on the real import.
/// </summary>
public class LockOrderTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private static async Task<List<string>> TablesWrittenAsync(ArisuDbContext db, Func<Task> work)
    {
        var tables = new List<string>();
        await db.Database.OpenConnectionAsync();
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        raw.sqlite3_update_hook(handle, (delegate_update)((_, _, _, table, _) =>
        {
            var name = table.utf8_to_string();
            if (tables.Count == 0 || tables[^1] != name) tables.Add(name);
        }), null);
        try
        {
            await work();
        }
        finally
        {
            raw.sqlite3_update_hook(handle, (delegate_update)null!, null);
            await db.Database.CloseConnectionAsync();
        }
        return tables;
    }

    [Fact]
    public async Task The_history_import_takes_the_sequence_before_the_complaints_as_intake_does()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
        var office = await db.Offices.SingleAsync();
        db.ActFor(office.Id);
        var csv = "reception_number,received_at,type_code,channel,account_number,status,closed_at,division\n" +
                  $"2025-{office.ShortName}-700001,2025-03-04T10:00:00,OUTDOOR_LEAK,phone,,resolved,2025-03-05T10:00:00,급수운영과\n";
        var import = scope.ServiceProvider.GetRequiredService<ComplaintHistoryImport>();
        var tables = await TablesWrittenAsync(db, () => import.RunAsync(office.Id, Encoding.UTF8.GetBytes(csv)));
        Assert.Contains("Complaints", tables);
        Assert.True(tables.IndexOf("OfficeSequences") is >= 0 and var s && s < tables.IndexOf("Complaints"),
            $"tables written in the order {string.Join(" → ", tables)}");
    }

    [Fact]
    public async Task A_transaction_begun_outside_the_execution_strategy_fails_on_the_embedded_store_as_on_sql_server()
    {
        // What SQL Server's retrying strategy refuses, SQLite's refuses too: so no test passes on code that fails there.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
        db.ActFor(await db.Offices.Select(o => o.Id).FirstAsync());
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Complaints.CountAsync());
            Assert.Contains("does not support user-initiated transactions", refused.Message, StringComparison.Ordinal);
        }
        // Through the unit of work the same work runs.
        Assert.True(await db.InTransactionAsync(() => db.Complaints.CountAsync(), default) > 0);
    }
}
