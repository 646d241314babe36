using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property(c => c.ReceptionNumber).HasMaxLength(30).IsRequired();
        b.Property(c => c.Channel).HasMaxLength(12).IsRequired();
        b.Property(c => c.Status).HasMaxLength(12).IsRequired();
        b.Property(c => c.Description).HasMaxLength(4000);
        b.Property(c => c.Location).HasMaxLength(300);
        b.Property(c => c.CallerName).HasMaxLength(100);
        b.Property(c => c.CallerPhone).HasMaxLength(30);
        b.Property(c => c.CallerEmail).HasMaxLength(254);
        b.Property(c => c.Latitude).HasPrecision(9, 6);
        b.Property(c => c.Longitude).HasPrecision(9, 6);
        b.Property(c => c.CallerRelation).HasMaxLength(20);
        b.Property(c => c.Division).HasMaxLength(20).IsRequired();
        b.Property(c => c.AssigneeId).HasMaxLength(450);
        b.Property(c => c.CancelReason).HasMaxLength(Complaint.MaxReasonLength);
        b.Property(c => c.TransferReason).HasMaxLength(Complaint.MaxReasonLength);
        b.Property(c => c.Resolution).HasMaxLength(Complaint.MaxResolutionLength);
        b.Property(c => c.PreferredVisitWindow).HasMaxLength(20);
        b.Property(c => c.ExtensionReason).HasMaxLength(Complaint.MaxReasonLength);
        b.Property(c => c.PauseReason).HasMaxLength(Complaint.MaxReasonLength);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.IsClosed);
        b.Ignore(c => c.IsOpen);
        b.Ignore(c => c.ClosedOnTime);

        b.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Type).WithMany().HasForeignKey(c => c.ComplaintTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Complaint>().WithMany().HasForeignKey(c => c.LinkedToId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasIndex(c => c.ReceptionNumber).IsUnique();
        b.HasIndex(c => new { c.OfficeId, c.ReceivedAtUtc });
        // The performance figures count ranges of these (PerformanceFigures): received by type, channel and date; resolved
        // by type and date against the deadline. Division last, so the division filter is answered from the index too.
        b.HasIndex(c => new { c.OfficeId, c.ComplaintTypeId, c.Channel, c.ReceivedAtUtc, c.Status, c.Division });
        b.HasIndex(c => new { c.OfficeId, c.ComplaintTypeId, c.Status, c.ClosedAtUtc, c.DeadlineAtUtc, c.Division });
        // The home page's compliance of the month: resolved since a date, against the deadline.
        b.HasIndex(c => new { c.OfficeId, c.Status, c.ClosedAtUtc, c.DeadlineAtUtc });
        b.HasIndex(c => new { c.OfficeId, c.Status, c.DeadlineAtUtc });
        b.HasIndex(c => c.CustomerId);
        b.HasIndex(c => c.LinkedToId);
        b.HasIndex(c => new { c.OfficeId, c.Division, c.Status });
    }
}

internal sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> b)
    {
        b.Property(e => e.By).HasMaxLength(256).IsRequired();
        b.Property(e => e.Kind).HasMaxLength(20).IsRequired();
        b.Property(e => e.Detail).HasMaxLength(ComplaintEvent.MaxDetailLength);
        b.HasIndex(e => e.ComplaintId);
    }
}

internal sealed class OfficeSequenceConfiguration : IEntityTypeConfiguration<OfficeSequence>
{
    public void Configure(EntityTypeBuilder<OfficeSequence> b)
    {
        b.HasKey(s => new { s.OfficeId, s.Year });
        b.Property(s => s.OfficeId).ValueGeneratedNever();
        b.Property(s => s.Year).ValueGeneratedNever();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<Domain.Notices.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Domain.Notices.OutboxMessage> b)
    {
        b.Property(m => m.ToPhone).HasMaxLength(30).IsRequired();
        b.Property(m => m.Kind).HasMaxLength(20).IsRequired();
        b.Property(m => m.Body).HasMaxLength(2000).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(500);
        b.Property(m => m.AttemptId).HasMaxLength(32).IsUnicode(false);
        b.Ignore(m => m.IsSending);
        b.Ignore(m => m.IsPending);
        b.HasOne<Office>().WithMany().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Complaint>().WithMany().HasForeignKey(m => m.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.SentAtUtc, m.CreatedAtUtc });
    }
}
