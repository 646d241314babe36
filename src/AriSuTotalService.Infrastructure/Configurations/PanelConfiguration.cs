using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class PanelRoundConfiguration : IEntityTypeConfiguration<PanelRound>
{
    public void Configure(EntityTypeBuilder<PanelRound> b)
    {
        b.Property(r => r.Status).HasMaxLength(10).IsRequired();
        b.Ignore(r => r.Key);
        b.Ignore(r => r.IsClosed);
        b.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OfficeId, r.Year, r.Month }).IsUnique();
    }
}

internal sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> b)
    {
        b.Property(m => m.Name).HasMaxLength(100).IsRequired();
        b.Property(m => m.Phone).HasMaxLength(30).IsRequired();
        b.HasOne<Office>().WithMany().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PanelCaseConfiguration : IEntityTypeConfiguration<PanelCase>
{
    public void Configure(EntityTypeBuilder<PanelCase> b)
    {
        b.HasOne<PanelRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Complaint>().WithMany().HasForeignKey(c => c.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PanelMember>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.SetNull);
        // A complaint belongs to at most one round.
        b.HasIndex(c => c.ComplaintId).IsUnique();
    }
}

internal sealed class PanelAnswerConfiguration : IEntityTypeConfiguration<PanelAnswer>
{
    public void Configure(EntityTypeBuilder<PanelAnswer> b)
    {
        b.Property(a => a.Answer).HasMaxLength(20).IsRequired();
        b.Property(a => a.Comment).HasMaxLength(1000);
        b.HasOne<PanelRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Complaint>().WithMany().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.RoundId, a.ComplaintId, a.Item }).IsUnique();
    }
}

internal sealed class PanelTargetConfiguration : IEntityTypeConfiguration<PanelTarget>
{
    public void Configure(EntityTypeBuilder<PanelTarget> b)
    {
        b.HasKey(t => t.Year);
        b.Property(t => t.Year).ValueGeneratedNever();
        b.HasData(new { Year = 2016, TargetTenths = 955 }, new { Year = 2017, TargetTenths = 960 }, new { Year = 2018, TargetTenths = 965 });
    }
}
