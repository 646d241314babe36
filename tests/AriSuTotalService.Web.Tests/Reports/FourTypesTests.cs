using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Reports;

/// <summary>The four types headquarters scores are the plan's four, whatever the catalogue flag says.</summary>
public class FourTypesTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task A_type_an_administrator_flags_never_enters_the_headquarters_figures()
    {
        // An administrator ticks "4대 민원" on 옥외누수 too.
        factory.With(db => db.ComplaintTypes.Where(t => t.Code == ComplaintTypeCodes.OutdoorLeak)
            .ExecuteUpdate(s => s.SetProperty(t => t.IsTotalService, true)));
        var (officeId, from, to) = (factory.With(db => db.Offices.Single().Id), new DateOnly(2025, 1, 1), new DateOnly(2026, 11, 1));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Data.ArisuDbContext>();
        db.ActFor(officeId);
        var figures = await PerformanceFigures.ComputeAsync(db, officeId, new ReportPeriod(from, to), null);
        var four = figures.ByType.Where(t => ComplaintTypeCodes.TotalService.Contains(t.TypeCode)).ToList();
        Assert.Equal(4, four.Count);
        Assert.True(figures.ByType.Single(t => t.TypeCode == ComplaintTypeCodes.OutdoorLeak).Total > 0, "the demo data has outdoor leaks");
        Assert.Equal(four.Sum(t => t.Total), figures.FourTypes.Total);
        Assert.Equal(four.Sum(t => t.Proactive), figures.FourTypes.Proactive);
        Assert.False(figures.ByType.Single(t => t.TypeCode == ComplaintTypeCodes.OutdoorLeak).TotalService);
        var monthly = await PerformanceFigures.MonthlyAsync(db, officeId, from, 23, null);
        Assert.Equal(four.Sum(t => t.Total), monthly.Sum(m => m.Four));
    }
}
