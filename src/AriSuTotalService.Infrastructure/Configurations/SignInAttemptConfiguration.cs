using AriSuTotalService.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> b)
    {
        b.Property(a => a.Account).HasMaxLength(256).IsRequired();
        b.Property(a => a.IpAddress).HasMaxLength(45).IsRequired();
        b.HasIndex(a => new { a.Account, a.AtUtc });
        b.HasIndex(a => new { a.IpAddress, a.AtUtc });
        b.HasIndex(a => a.AtUtc);
    }
}

/// <summary>
/// Sign-in limits shared by every web node: at most <c>Security__SignInAttemptsPerAccount</c> (default 10) attempts per
/// account in five minutes — an office shares one public address, so the address alone would lock a whole office out
/// or let one account be guessed slowly — and at most <c>Security__SignInAttemptsPerAddress</c> (default 60) per
/// address in a minute. Identity's lockout (5 failures) applies on top. Attempts older than the windows are deleted as
/// new ones come.
/// </summary>
