using System.Data.Common;
using AriSuTotalService.Infrastructure.Data;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>
/// The office's account numbers and customer keys, through a plain reader (millions of rows). An account number of
/// the contract's shape (2–3 digits, a dash, 6–8 digits) is held as one number rather than a string — a third of the
/// memory for the 2.27 million accounts of an office; any other shape is held as written.
/// </summary>
public sealed class AccountKeys
{
    private readonly Dictionary<long, long> _packed;
    private readonly Dictionary<string, long> _other = new(StringComparer.Ordinal);

    private AccountKeys(int capacity) => _packed = new Dictionary<long, long>(capacity);

    public static async Task<AccountKeys> LoadAsync(DbConnection connection, int officeId, CancellationToken ct)
    {
        int count;
        await using (var meters = Surges.SurgeScan.MetersCommand(connection, null, officeId))
            count = Convert.ToInt32(await meters.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        var keys = new AccountKeys(count);
        await using var cmd = Command(connection, officeId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var number = reader.GetString(1);
            if (TryPack(number, out var packed)) keys._packed[packed] = reader.GetInt64(0);
            else keys._other[number] = reader.GetInt64(0);
        }
        return keys;
    }

    public bool TryGet(ReadOnlySpan<char> number, out long customerId) =>
        TryPack(number, out var packed)
            ? _packed.TryGetValue(packed, out customerId)
            : _other.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(number, out customerId);

    /// <summary>"12-3456789" → one number that keeps both parts' lengths (leading zeros included).</summary>
    public static bool TryPack(ReadOnlySpan<char> number, out long packed)
    {
        packed = 0;
        var dash = number.IndexOf('-');
        var tail = number.Length - dash - 1;
        if (dash is < 2 or > 3 || tail is < 6 or > 8) return false;
        long head = 0, rest = 0;
        for (var i = 0; i < dash; i++)
        {
            if (!char.IsAsciiDigit(number[i])) return false;
            head = head * 10 + (number[i] - '0');
        }
        for (var i = dash + 1; i < number.Length; i++)
        {
            if (!char.IsAsciiDigit(number[i])) return false;
            rest = rest * 10 + (number[i] - '0');
        }
        packed = (dash * 10L + tail) * 100_000_000_000L + head * 100_000_000L + rest;
        return true;
    }

    public const string Sql = "SELECT \"Id\", \"AccountNumber\" FROM \"Customers\" WHERE \"OfficeId\" = @office";

    public static DbCommand Command(DbConnection connection, int officeId)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.Add("@office", System.Data.DbType.Int32, officeId);
        return cmd;
    }
}
