using AriSuTotalService.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class VisitOutcomeConfiguration : IEntityTypeConfiguration<VisitOutcome>
{
    public void Configure(EntityTypeBuilder<VisitOutcome> b)
    {
        b.Property(o => o.Result).HasMaxLength(10).IsRequired();
        b.Property(o => o.Note).HasMaxLength(2000).IsRequired();
        b.Property(o => o.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(o => o.LeakPlace).HasMaxLength(20);
        b.Property(o => o.RepairedBy).HasMaxLength(100);
        b.Property(o => o.Cause).HasMaxLength(20);
        b.Property(o => o.AddOns).HasMaxLength(500);
        foreach (var p in new[] { nameof(VisitOutcome.ResidualChlorine), nameof(VisitOutcome.Iron), nameof(VisitOutcome.Copper), nameof(VisitOutcome.Turbidity), nameof(VisitOutcome.Ph) })
            b.Property(p).HasPrecision(9, 3);
        b.Ignore(o => o.LeakRepaired);
        b.HasOne<Visit>().WithMany().HasForeignKey(o => o.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => o.VisitId).IsUnique();
        b.HasIndex(o => o.ComplaintId);
    }
}

internal sealed class VisitPhotoConfiguration : IEntityTypeConfiguration<VisitPhoto>
{
    public void Configure(EntityTypeBuilder<VisitPhoto> b)
    {
        b.Property(p => p.Path).HasMaxLength(200).IsRequired();
        b.Property(p => p.ContentType).HasMaxLength(40).IsRequired();
        b.Property(p => p.Sha256).HasMaxLength(64).IsRequired();
        b.HasOne<Visit>().WithMany().HasForeignKey(p => p.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.VisitId);
    }
}
