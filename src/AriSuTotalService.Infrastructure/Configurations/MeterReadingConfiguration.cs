using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Meters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class MeterReadingConfiguration : IEntityTypeConfiguration<MeterReading>
{
    public void Configure(EntityTypeBuilder<MeterReading> b)
    {
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // The import key (account + period_end); also serves "latest reading before a date" look-ups.
        b.HasIndex(r => new { r.CustomerId, r.PeriodEnd }).IsUnique();
        b.HasIndex(r => r.PeriodEnd);

    }
}
