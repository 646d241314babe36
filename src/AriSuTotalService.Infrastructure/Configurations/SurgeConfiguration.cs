using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Surges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class SurgeCaseConfiguration : IEntityTypeConfiguration<SurgeCase>
{
    public void Configure(EntityTypeBuilder<SurgeCase> b)
    {
        b.Property(c => c.Kind).HasMaxLength(10).IsRequired();
        b.Property(c => c.Status).HasMaxLength(12).IsRequired();
        b.Property(c => c.ExplainedReason).HasMaxLength(30);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.AssigneeId).HasMaxLength(450);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.IsWorked);
        b.Ignore(c => c.IncreasePercent);
        b.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Complaints.Complaint>().WithMany().HasForeignKey(c => c.DiagnosisComplaintId).OnDelete(DeleteBehavior.Restrict);
        // One case per meter and month: a rerun of the scan cannot duplicate, even two runs at once.
        b.HasIndex(c => new { c.CustomerId, c.Period }).IsUnique();
        b.HasIndex(c => new { c.OfficeId, c.Period, c.Status });
    }
}

internal sealed class ScanRunConfiguration : IEntityTypeConfiguration<ScanRun>
{
    public void Configure(EntityTypeBuilder<ScanRun> b)
    {
        b.Property(r => r.Trigger).HasMaxLength(12).IsRequired();
        b.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.State).HasMaxLength(12).IsRequired();
        b.Property(r => r.Error).HasMaxLength(1000);
        b.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OfficeId, r.Period });
    }
}

internal sealed class AppSettingConfiguration : IEntityTypeConfiguration<AppSetting>
{
    public void Configure(EntityTypeBuilder<AppSetting> b)
    {
        b.HasKey(s => new { s.OfficeId, s.Key });
        b.Property(s => s.Key).HasMaxLength(60);
        b.Property(s => s.Value).HasMaxLength(400).IsRequired();
    }
}
