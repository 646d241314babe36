using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class ComplaintTypeConfiguration : IEntityTypeConfiguration<ComplaintType>
{
    public void Configure(EntityTypeBuilder<ComplaintType> b)
    {
        b.Property(t => t.Code).HasMaxLength(40).IsRequired();
        b.Property(t => t.Field).HasMaxLength(10).IsRequired();
        b.Property(t => t.NameKo).HasMaxLength(60).IsRequired();
        b.Property(t => t.NameEn).HasMaxLength(80).IsRequired();
        b.Property(t => t.HandlingDivision).HasMaxLength(20).IsRequired();
        b.Property(t => t.PeriodUnit).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.ReportColumn).HasMaxLength(40).IsUnicode(false).IsRequired();
        b.HasIndex(t => t.Code).IsUnique();
        b.Ignore(t => t.Period);
        b.HasData(ReferenceData.ComplaintTypes.Select((r, i) => new
        {
            r.Id,
            r.Code,
            r.Field,
            r.NameKo,
            r.NameEn,
            IsTotalService = r.TotalService,
            HandlingDivision = r.Division,
            PeriodUnit = r.Unit,
            PeriodValue = r.Value,
            r.NeedsVisit,
            r.EntersHome,
            IsActive = true,
            SortOrder = (i + 1) * 10,
            // The plan's fourteen are its columns.
            ReportColumn = r.Code,
        }));
    }
}
