using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> b)
    {
        b.Property(h => h.Name).HasMaxLength(60).IsRequired();
        b.Property(h => h.Kind).HasMaxLength(12).IsRequired();
        b.HasIndex(h => h.Date).IsUnique();
        b.HasData(ReferenceData.Holidays.Select((h, i) => new { Id = i + 1, h.Date, h.Name, h.Kind }));
    }
}
