using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Visits;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(v => v.StaffId).HasMaxLength(450).IsRequired();
        b.Property(v => v.Window).HasMaxLength(10).IsRequired();
        b.Property(v => v.Status).HasMaxLength(12).IsRequired();
        b.Property(v => v.ForcedReason).HasMaxLength(500);
        b.Property(v => v.CancelReason).HasMaxLength(Visit.MaxReasonLength);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.Property(v => v.UpdatedBy).HasMaxLength(256);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne<Domain.Offices.Office>().WithMany().HasForeignKey(v => v.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Complaint>().WithMany().HasForeignKey(v => v.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.StaffId, v.Date, v.Window });
        b.HasIndex(v => v.ComplaintId);
    }
}
