using AriSuTotalService.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class PerformanceTargetConfiguration : IEntityTypeConfiguration<PerformanceTarget>
{
    public void Configure(EntityTypeBuilder<PerformanceTarget> b)
    {
        b.Property(t => t.Measure).HasMaxLength(30).IsRequired();
        b.HasOne<Domain.Offices.Office>().WithMany().HasForeignKey(t => t.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.OfficeId, t.Year, t.Measure }).IsUnique();
    }
}
