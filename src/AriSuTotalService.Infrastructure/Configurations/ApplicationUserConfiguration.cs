using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.Division).HasMaxLength(20).IsRequired();
        b.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        b.HasOne<Office>().WithMany().HasForeignKey(u => u.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.OfficeId);
        b.Property(u => u.CalendarTokenHash).HasMaxLength(64);
        b.HasIndex(u => u.CalendarTokenHash).IsUnique();
    }
}
