using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        b.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        b.Property(a => a.IpAddress).HasMaxLength(45);
        b.Property(a => a.SubjectKind).HasMaxLength(30).IsRequired();
        b.Property(a => a.SubjectKey).HasMaxLength(60).IsRequired();
        b.Property(a => a.Action).HasMaxLength(12).IsRequired();
        b.Property(a => a.Detail).HasMaxLength(400);
        b.HasIndex(a => new { a.OfficeId, a.AtUtc });
        b.HasIndex(a => new { a.SubjectKind, a.SubjectKey });
        b.HasIndex(a => a.UserId);
    }
}

internal sealed class PermissionChangeConfiguration : IEntityTypeConfiguration<PermissionChange>
{
    public void Configure(EntityTypeBuilder<PermissionChange> b)
    {
        b.Property(a => a.ByUserName).HasMaxLength(256).IsRequired();
        b.Property(a => a.IpAddress).HasMaxLength(45);
        b.Property(a => a.TargetUserId).HasMaxLength(450).IsRequired();
        b.Property(a => a.TargetUserName).HasMaxLength(256).IsRequired();
        b.Property(a => a.Change).HasMaxLength(30).IsRequired();
        b.Property(a => a.Before).HasMaxLength(400);
        b.Property(a => a.After).HasMaxLength(400);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => a.TargetUserId);
        b.HasIndex(a => new { a.OfficeId, a.AtUtc });
    }
}

internal sealed class AccessLogReviewConfiguration : IEntityTypeConfiguration<AccessLogReview>
{
    public void Configure(EntityTypeBuilder<AccessLogReview> b)
    {
        b.Property(a => a.Month).HasMaxLength(7).IsRequired();
        b.Property(a => a.Reviewer).HasMaxLength(256).IsRequired();
        b.Property(a => a.Note).HasMaxLength(2000).IsRequired();
        b.HasIndex(a => new { a.OfficeId, a.Month });
    }
}
