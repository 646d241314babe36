using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(c => c.AccountNumber).HasMaxLength(20).IsRequired();
        b.Property(c => c.HolderName).HasMaxLength(100).IsRequired();
        b.Property(c => c.Phone).HasMaxLength(30).IsRequired();
        b.Property(c => c.Address).HasMaxLength(300).IsRequired();
        b.Property(c => c.Dong).HasMaxLength(50);
        b.Property(c => c.District).HasMaxLength(50).IsRequired();
        b.Property(c => c.UseType).HasMaxLength(10).IsRequired();
        b.Property(c => c.MeterSerial).HasMaxLength(40);
        b.Property(c => c.PostalCode).HasMaxLength(Customer.MaxPostalCodeLength).IsUnicode(false);
        b.Property(c => c.AddressDetail).HasMaxLength(Customer.MaxAddressDetailLength);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.OfficeId, c.AccountNumber }).IsUnique();
        b.Property(c => c.PhoneDigits).HasMaxLength(20).IsRequired();
        b.HasIndex(c => new { c.OfficeId, c.PhoneDigits });
        b.HasIndex(c => new { c.OfficeId, c.HolderName });
        b.HasIndex(c => new { c.OfficeId, c.District });
        // The scan walks an office's meters in key order, a slice of keys at a time.
        b.HasIndex(c => new { c.OfficeId, c.Id });
    }
}
