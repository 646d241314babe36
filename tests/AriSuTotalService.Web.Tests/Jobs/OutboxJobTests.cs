using AriSuTotalService.Domain.Notices;
using AriSuTotalService.Infrastructure.Notices;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Jobs;

public class OutboxJobTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private async Task<int> RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Messages_wait_through_the_quiet_hours_and_go_in_the_morning()
    {
        factory.CreateClient().Dispose();
        factory.Clock.Advance(TimeSpan.FromHours(12)); // 22:00 in Seoul
        var id = factory.With(db =>
        {
            var m = new OutboxMessage(db.Offices.Single().Id, null, "010-1212-3434", "booked", "방문 안내", factory.Clock.GetUtcNow().UtcDateTime);
            db.OutboxMessages.Add(m);
            db.SaveChanges();
            return m.Id;
        });
        Assert.Equal(0, await RunAsync());
        Assert.Null(factory.With(db => db.OutboxMessages.AsNoTracking().Single(m => m.Id == id).SentAtUtc));

        factory.Clock.Advance(TimeSpan.FromHours(10)); // 08:00 the next morning
        Assert.True(await RunAsync() >= 1);
        Assert.NotNull(factory.With(db => db.OutboxMessages.AsNoTracking().Single(m => m.Id == id).SentAtUtc));
        Assert.Equal(0, await RunAsync()); // a rerun sends nothing twice
    }
}

public class FailingGatewayTests(FailingGatewayTests.Factory factory) : IClassFixture<FailingGatewayTests.Factory>
{
    public sealed class Factory : ArisuFactory
    {
        protected override void OverrideServices(IServiceCollection services) => services.AddSingleton<ISmsSender, Refusing>();
    }

    private sealed class Refusing : ISmsSender
    {
        public Task SendAsync(string toPhone, string body, CancellationToken ct) => throw new InvalidOperationException("gateway refused");
    }

    [Fact]
    public async Task A_refused_message_is_retried_and_given_up_after_five_attempts()
    {
        factory.CreateClient().Dispose();
        var id = factory.With(db =>
        {
            var m = new OutboxMessage(db.Offices.Single().Id, null, "010-1212-5656", "extended", "기한 연장 안내", DateTime.UtcNow);
            db.OutboxMessages.Add(m);
            db.SaveChanges();
            return m.Id;
        });
        for (var i = 0; i < 7; i++)
        {
            using var scope = factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
        }
        var m = factory.With(db => db.OutboxMessages.AsNoTracking().Single(x => x.Id == id));
        Assert.Null(m.SentAtUtc);
        Assert.Equal(OutboxJob.MaxAttempts, m.Attempts);
        Assert.Equal("gateway refused", m.LastError);
        Assert.DoesNotContain("010-1212-5656", LogFiles.ReadAll(factory));
    }
}

/// <summary>A gateway chosen by configuration (Sms__Sender), as a real SMS gateway class would be.</summary>
public sealed class RecordingGateway : ISmsSender
{
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Sent = new();

    public Task SendAsync(string toPhone, string body, CancellationToken ct)
    {
        Sent.Enqueue(toPhone);
        return Task.CompletedTask;
    }
}

public class ConfiguredGatewayTests(ConfiguredGatewayTests.Factory factory) : IClassFixture<ConfiguredGatewayTests.Factory>
{
    public sealed class Factory : ArisuFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
        {
            ["Sms:Sender"] = typeof(RecordingGateway).AssemblyQualifiedName,
        };
    }

    [Fact]
    public async Task The_gateway_named_in_the_configuration_sends_the_messages()
    {
        factory.CreateClient().Dispose();
        factory.With(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage(db.Offices.Single().Id, null, "010-4747-5858", "booked", "방문 안내", DateTime.UtcNow));
            return db.SaveChanges();
        });
        using var scope = factory.Services.CreateScope();
        Assert.IsType<RecordingGateway>(scope.ServiceProvider.GetRequiredService<ISmsSender>());
        await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
        // The gateway gets the number in E.164.
        Assert.Contains("+821047475858", RecordingGateway.Sent);
    }
}

/// <summary>A gateway that keeps what it delivered by idempotency key, and can make the process "die" around a send.</summary>
public sealed class KeyedGateway : ISmsSender
{
    public enum Crash { None, BeforeSend, AfterSend, AnswerLost }

    public readonly System.Collections.Concurrent.ConcurrentQueue<(string To, string Key)> Delivered = new();
    public string? CrashOn;
    public Crash Mode;

    public Task SendAsync(string toPhone, string body, CancellationToken ct) => throw new NotSupportedException("the key is always passed");

    public Task SendAsync(string toPhone, string body, string idempotencyKey, CancellationToken ct)
    {
        var crash = toPhone == CrashOn ? Mode : Crash.None;
        if (crash != Crash.None) CrashOn = null;
        if (crash == Crash.BeforeSend) throw new OperationCanceledException("the server stopped before the request left");
        // A second request with a key already delivered sends nothing more.
        if (!Delivered.Any(d => d.Key == idempotencyKey)) Delivered.Enqueue((toPhone, idempotencyKey));
        return crash switch
        {
            Crash.AfterSend => throw new OperationCanceledException("the server stopped before the answer was saved"),
            Crash.AnswerLost => throw new SmsOutcomeUnknownException("timeout"),
            _ => Task.CompletedTask,
        };
    }

    public Task<SmsAttemptStatus> LookUpAsync(string idempotencyKey, CancellationToken ct) =>
        Task.FromResult(Mode == Crash.AnswerLost ? SmsAttemptStatus.Unknown
            : Delivered.Any(d => d.Key == idempotencyKey) ? SmsAttemptStatus.Sent : SmsAttemptStatus.NotSent);

    public int To(string e164) => Delivered.Count(d => d.To == e164);
}

public class MessagesSentOnceTests(MessagesSentOnceTests.Factory factory) : IClassFixture<MessagesSentOnceTests.Factory>
{
    public sealed class Factory : ArisuFactory
    {
        public KeyedGateway Gateway { get; } = new();

        protected override void OverrideServices(IServiceCollection services) => services.AddSingleton<ISmsSender>(Gateway);
    }

    private long Queue(string phone) => factory.With(db =>
    {
        var m = new OutboxMessage(db.Offices.First().Id, null, phone, "booked", "방문 안내", factory.Clock.GetUtcNow().UtcDateTime);
        db.OutboxMessages.Add(m);
        db.SaveChanges();
        return m.Id;
    });

    private async Task RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
    }

    private OutboxMessage Read(long id) => factory.With(db => db.OutboxMessages.AsNoTracking().Single(m => m.Id == id));

    [Fact]
    public async Task A_crash_after_the_gateway_sent_is_reconciled_and_the_citizen_gets_one_message()
    {
        factory.CreateClient().Dispose();
        var id = Queue("010-3131-0001");
        factory.Gateway.CrashOn = "+821031310001";
        factory.Gateway.Mode = KeyedGateway.Crash.AfterSend;
        await Assert.ThrowsAsync<OperationCanceledException>(RunAsync);
        var left = Read(id);
        Assert.True(left.IsSending);
        Assert.NotNull(left.AttemptId);
        Assert.Equal(1, factory.Gateway.To("+821031310001"));

        await RunAsync();
        var done = Read(id);
        Assert.NotNull(done.SentAtUtc);
        Assert.Equal(left.AttemptId, done.AttemptId);
        Assert.Equal(1, factory.Gateway.To("+821031310001"));
    }

    [Fact]
    public async Task A_crash_before_the_request_left_sends_the_message_on_the_next_run()
    {
        factory.CreateClient().Dispose();
        var id = Queue("010-3131-0002");
        factory.Gateway.CrashOn = "+821031310002";
        factory.Gateway.Mode = KeyedGateway.Crash.BeforeSend;
        await Assert.ThrowsAsync<OperationCanceledException>(RunAsync);
        Assert.True(Read(id).IsSending);
        Assert.Equal(0, factory.Gateway.To("+821031310002"));

        await RunAsync();
        Assert.NotNull(Read(id).SentAtUtc);
        Assert.Equal(1, factory.Gateway.To("+821031310002"));
    }

    [Fact]
    public async Task A_lost_answer_is_asked_again_with_the_same_key_and_not_delivered_twice()
    {
        factory.CreateClient().Dispose();
        var id = Queue("010-3131-0003");
        factory.Gateway.CrashOn = "+821031310003";
        factory.Gateway.Mode = KeyedGateway.Crash.AnswerLost;
        await RunAsync();
        var left = Read(id);
        Assert.True(left.IsSending);

        await RunAsync();
        factory.Gateway.Mode = KeyedGateway.Crash.None;
        var done = Read(id);
        Assert.NotNull(done.SentAtUtc);
        Assert.Equal(left.AttemptId, done.AttemptId);
        Assert.Equal(1, factory.Gateway.To("+821031310003"));
    }
}

/// <summary>Numbers that cannot take a text: kept, shown, never sent (the outbox says why).</summary>
public class UntextableNumberTests(UntextableNumberTests.Factory factory) : IClassFixture<UntextableNumberTests.Factory>
{
    public sealed class Factory : ArisuFactory
    {
        protected override void OverrideServices(IServiceCollection services) => services.AddSingleton<ISmsSender, Counting>();
    }

    public sealed class Counting : ISmsSender
    {
        public int Calls;

        public Task SendAsync(string toPhone, string body, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("010-5970-3970", KoreanPhone.UnknownToPlan)]
    [InlineData("02-2630-0100", KoreanPhone.NotMobile)]
    public async Task The_outbox_skips_a_number_that_cannot_take_a_text_and_keeps_the_reason(string phone, string reason)
    {
        factory.CreateClient().Dispose();
        var sender = (Counting)factory.Services.GetRequiredService<ISmsSender>();
        var before = sender.Calls;
        var id = factory.With(db =>
        {
            var m = new OutboxMessage(db.Offices.Single().Id, null, phone, "booked", "방문 안내", factory.Clock.GetUtcNow().UtcDateTime);
            db.OutboxMessages.Add(m);
            db.SaveChanges();
            return m.Id;
        });
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
        var m = factory.With(db => db.OutboxMessages.AsNoTracking().Single(x => x.Id == id));
        Assert.Null(m.SentAtUtc);
        Assert.NotNull(m.SkippedAtUtc);
        Assert.Equal(reason, m.LastError);
        Assert.Equal(before, sender.Calls);

        // The history says it was not sent, and why.
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var history = System.Net.WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/Admin/Messages"));
        Assert.Contains("보내지 않음: " + reason, history);
    }

    [Fact]
    public void A_mobile_number_the_plan_does_not_know_is_possible_but_not_textable()
    {
        Assert.True(KoreanPhone.IsPossible("010-5970-3970"));
        Assert.False(KoreanPhone.TryParse("010-5970-3970", out _, out _));
        Assert.Equal(KoreanPhone.UnknownToPlan, KoreanPhone.WhyNotTextable("010-5970-3970"));
        Assert.Null(KoreanPhone.WhyNotTextable("010-1234-5678"));
        Assert.False(KoreanPhone.IsPossible("010-12"));
        Assert.False(KoreanPhone.IsPossible("12345"));
    }
}
