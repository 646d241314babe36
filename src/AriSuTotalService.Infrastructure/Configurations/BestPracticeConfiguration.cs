using AriSuTotalService.Domain.Reports;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class BestPracticeConfiguration : IEntityTypeConfiguration<BestPractice>
{
    public void Configure(EntityTypeBuilder<BestPractice> b)
    {
        b.Property(p => p.WriteUp).HasMaxLength(1000).IsRequired();
        b.Property(p => p.FlaggedBy).HasMaxLength(256).IsRequired();
        b.HasOne<Domain.Complaints.Complaint>().WithMany().HasForeignKey(p => p.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.ComplaintId).IsUnique();
        b.HasIndex(p => p.OfficeId);
    }
}
