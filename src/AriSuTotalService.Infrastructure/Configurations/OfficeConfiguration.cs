using AriSuTotalService.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> b)
    {
        b.Property(o => o.Name).HasMaxLength(100).IsRequired();
        b.Property(o => o.ShortName).HasMaxLength(Office.MaxShortNameLength).IsRequired();
        b.Property(o => o.Districts).HasMaxLength(400).IsRequired();
        b.HasIndex(o => o.ShortName).IsUnique();
        b.Ignore(o => o.DistrictList);
    }
}
