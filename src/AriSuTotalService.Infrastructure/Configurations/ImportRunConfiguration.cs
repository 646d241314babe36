using AriSuTotalService.Domain.Imports;
using AriSuTotalService.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.Property(r => r.Kind).HasMaxLength(20).IsUnicode(false).IsRequired();
        b.Property(r => r.State).HasMaxLength(10).IsUnicode(false).IsRequired();
        b.Property(r => r.FileName).HasMaxLength(ImportRun.MaxFileNameLength).IsRequired();
        b.Property(r => r.Errors);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Node).HasMaxLength(100).IsRequired();
        b.Ignore(r => r.IsOpen);
        b.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OfficeId, r.Id });
        b.HasIndex(r => r.State);
    }
}
