using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Reductions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class LeakReductionConfiguration : IEntityTypeConfiguration<LeakReduction>
{
    public void Configure(EntityTypeBuilder<LeakReduction> b)
    {
        b.Property(r => r.RepairEvidence).HasMaxLength(LeakReduction.MaxRepairEvidenceLength);
        b.Property(r => r.Source).HasMaxLength(12).IsRequired();
        b.Property(r => r.Status).HasMaxLength(20).IsRequired();
        b.Property(r => r.LeakRecordedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Basis).HasMaxLength(20);
        b.Property(r => r.AdjustReason).HasMaxLength(500);
        b.Property(r => r.AdjustedBy).HasMaxLength(256);
        b.Property(r => r.ProposedRejection).HasMaxLength(500);
        b.Property(r => r.DecisionReason).HasMaxLength(500);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.ReversalReason).HasMaxLength(500);
        b.Property(r => r.ReversedBy).HasMaxLength(256);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsComputed);
        b.Ignore(r => r.CanChange);
        b.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Complaints.Complaint>().WithMany().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.ComplaintId).IsUnique();
        b.HasIndex(r => new { r.CustomerId, r.LeakPeriodEnd });
        // At most one approved reduction per account and leak period, kept by the database itself (two reviewers
        // approving two cases of one leak at once: the second save fails). The filter is the same text on both providers.
        b.HasIndex(r => new { r.CustomerId, r.LeakPeriodEnd }, "IX_LeakReductions_OneApprovedPerLeakPeriod").IsUnique()
            .HasFilter("\"Status\" = 'approved'");
        b.HasIndex(r => new { r.OfficeId, r.Status });
        b.HasIndex(r => r.DiagnosisComplaintId);
        b.HasIndex(r => r.SurgeCaseId);
    }
}

internal sealed class ReductionExportConfiguration : IEntityTypeConfiguration<ReductionExport>
{
    public void Configure(EntityTypeBuilder<ReductionExport> b)
    {
        b.Property(e => e.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<Office>().WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.OfficeId, e.CreatedAtUtc });
    }
}

internal sealed class ReductionDocumentConfiguration : IEntityTypeConfiguration<ReductionDocument>
{
    public void Configure(EntityTypeBuilder<ReductionDocument> b)
    {
        b.Property(d => d.FileName).HasMaxLength(ReductionDocument.MaxFileNameLength).IsRequired();
        b.Property(d => d.Path).HasMaxLength(200).IsRequired();
        b.Property(d => d.ContentType).HasMaxLength(40).IsRequired();
        b.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        b.Property(d => d.UploadedBy).HasMaxLength(256).IsRequired();
        b.HasOne<LeakReduction>().WithMany().HasForeignKey(d => d.ReductionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.ReductionId);
    }
}

internal sealed class TariffRateConfiguration : IEntityTypeConfiguration<TariffRate>
{
    /// <summary>Plausible Seoul prices (won/m³, monthly tier bounds), seeded as examples for an administrator to confirm.</summary>
    public static readonly IReadOnlyList<(string UseType, string Charge, DateOnly From, int FromM3, int Price)> Examples =
    [
        (UseTypes.Household, Charges.Water, new(2012, 1, 1), 0, 360),
        (UseTypes.Household, Charges.Water, new(2022, 1, 1), 0, 480),
        (UseTypes.Household, Charges.Water, new(2023, 1, 1), 0, 580),
        (UseTypes.General, Charges.Water, new(2012, 1, 1), 0, 800),
        (UseTypes.General, Charges.Water, new(2012, 1, 1), 300, 1000),
        (UseTypes.General, Charges.Water, new(2012, 1, 1), 1000, 1260),
        (UseTypes.General, Charges.Water, new(2023, 1, 1), 0, 1270),
        (UseTypes.General, Charges.Water, new(2023, 1, 1), 300, 1520),
        (UseTypes.General, Charges.Water, new(2023, 1, 1), 1000, 1640),
        (UseTypes.BathHouse, Charges.Water, new(2012, 1, 1), 0, 500),
        (UseTypes.BathHouse, Charges.Water, new(2023, 1, 1), 0, 820),
        (UseTypes.Household, Charges.Sewer, new(2012, 1, 1), 0, 320),
        (UseTypes.Household, Charges.Sewer, new(2012, 1, 1), 30, 550),
        (UseTypes.Household, Charges.Sewer, new(2012, 1, 1), 50, 860),
        (UseTypes.Household, Charges.Sewer, new(2020, 1, 1), 0, 400),
        (UseTypes.Household, Charges.Sewer, new(2020, 1, 1), 30, 930),
        (UseTypes.Household, Charges.Sewer, new(2020, 1, 1), 50, 1420),
        (UseTypes.General, Charges.Sewer, new(2012, 1, 1), 0, 500),
        (UseTypes.General, Charges.Sewer, new(2012, 1, 1), 50, 1250),
        (UseTypes.General, Charges.Sewer, new(2012, 1, 1), 100, 1800),
        (UseTypes.General, Charges.Sewer, new(2012, 1, 1), 1000, 2000),
        (UseTypes.BathHouse, Charges.Sewer, new(2012, 1, 1), 0, 390),
        (UseTypes.BathHouse, Charges.Sewer, new(2012, 1, 1), 500, 700),
        (UseTypes.Household, Charges.Levy, new(2012, 1, 1), 0, 170),
        (UseTypes.General, Charges.Levy, new(2012, 1, 1), 0, 170),
        (UseTypes.BathHouse, Charges.Levy, new(2012, 1, 1), 0, 170),
    ];

    public void Configure(EntityTypeBuilder<TariffRate> b)
    {
        b.Property(t => t.UseType).HasMaxLength(10).IsRequired();
        b.Property(t => t.Charge).HasMaxLength(10).IsRequired();
        b.Property(t => t.Note).HasMaxLength(200);
        b.Property(t => t.CreatedBy).HasMaxLength(256);
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
        b.HasIndex(t => new { t.UseType, t.Charge, t.EffectiveFrom, t.FromM3 }).IsUnique();
        var seeded = new DateTime(2017, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        b.HasData(Examples.Select((t, i) => new
        {
            Id = i + 1, t.UseType, t.Charge, EffectiveFrom = t.From, t.FromM3, PricePerM3 = t.Price, IsExample = true,
            Note = (string?)"예시 단가: 조례 확인 후 확정", CreatedAtUtc = seeded, CreatedBy = (string?)"seed",
        }));
    }
}

internal sealed class ReductionRateConfiguration : IEntityTypeConfiguration<ReductionRate>
{
    public void Configure(EntityTypeBuilder<ReductionRate> b)
    {
        b.Property(r => r.UseType).HasMaxLength(10).IsRequired();
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.UseType, r.EffectiveFrom }).IsUnique();
        var seeded = new DateTime(2017, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        b.HasData(UseTypes.All.Select((u, i) => new
        {
            Id = i + 1, UseType = u, EffectiveFrom = new DateOnly(2012, 1, 1), WaterPercent = 50, SewerPercent = 100, LevyPercent = 50,
            IsExample = true, CreatedAtUtc = seeded, CreatedBy = (string?)"seed",
        }));
    }
}
