using AriSuTotalService.Domain.Integrations;
using AriSuTotalService.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(100).IsRequired();
        b.Property(k => k.Prefix).HasMaxLength(10).IsRequired();
        b.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        b.Property(k => k.Scopes).HasMaxLength(100).IsRequired();
        b.Property(k => k.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(k => k.Hash).IsUnique();
        b.HasOne<Office>().WithMany().HasForeignKey(k => k.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(k => k.ScopeList);
    }
}
