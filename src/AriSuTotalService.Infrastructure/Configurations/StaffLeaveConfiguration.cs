using AriSuTotalService.Domain.Visits;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class StaffLeaveConfiguration : IEntityTypeConfiguration<StaffLeave>
{
    public void Configure(EntityTypeBuilder<StaffLeave> b)
    {
        b.Property(l => l.StaffId).HasMaxLength(450).IsRequired();
        b.Property(l => l.Reason).HasMaxLength(200).IsRequired();
        b.Property(l => l.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<Domain.Offices.Office>().WithMany().HasForeignKey(l => l.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.StaffId, l.From, l.To });
    }
}
