using AriSuTotalService.Domain.Reports;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<ReportSnapshot> b)
    {
        b.Property(s => s.Kind).HasMaxLength(10).IsRequired();
        b.Property(s => s.Content).IsRequired();
        b.Property(s => s.CreatedBy).HasMaxLength(256).IsRequired();
        b.Ignore(s => s.LastMonth);
        b.Ignore(s => s.Label);
        b.HasOne<Domain.Offices.Office>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.OfficeId, s.Kind, s.Period, s.Version }).IsUnique();
    }
}
