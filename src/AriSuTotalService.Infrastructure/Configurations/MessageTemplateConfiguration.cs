using AriSuTotalService.Domain.Notices;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> b)
    {
        b.HasKey(t => new { t.OfficeId, t.Kind });
        b.Property(t => t.Kind).HasMaxLength(20);
        b.Property(t => t.Text).HasMaxLength(1000).IsRequired();
    }
}
