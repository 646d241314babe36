using AriSuTotalService.Infrastructure.Data;
using Microsoft.Extensions.Configuration;

namespace AriSuTotalService.Web.Tests.Database;

public class DatabaseOptionsTests
{
    private static DatabaseOptions From(params (string Key, string Value)[] values) => DatabaseOptions.From(
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build(), Path.GetTempPath());

    [Fact]
    public void A_bulk_copy_or_merge_of_an_import_has_a_finite_timeout_the_operator_can_set()
    {
        Assert.Equal(900, From().BulkTimeoutSeconds);
        Assert.Equal(120, From(("Database:BulkTimeoutSeconds", "120")).BulkTimeoutSeconds);
        foreach (var bad in new[] { "0", "-5", "abc", "100000" })
        {
            var ex = Assert.Throws<InvalidOperationException>(() => From(("Database:BulkTimeoutSeconds", bad)));
            Assert.Contains("Database__BulkTimeoutSeconds", ex.Message);
        }
    }
}
