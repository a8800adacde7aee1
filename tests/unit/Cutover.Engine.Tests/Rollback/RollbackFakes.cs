using System.Collections.Concurrent;
using Cutover.Engine.Rollback;

namespace Cutover.Engine.Tests.Rollback;

/// <summary>Records every event in order across the fakes of one test.</summary>
internal sealed class EventLog
{
    public ConcurrentQueue<string> Events { get; } = new();
    public void Add(string e) => Events.Enqueue(e);
    public List<string> List => [.. Events];
}

/// <summary>An in-memory lock: a second acquirer waits on a semaphore up to the bound, then gets LockHeld.</summary>
internal sealed class FakeLock(EventLog log) : ICutoverLock
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public CutoverLockBackend Backend => CutoverLockBackend.File;

    public async Task<ICutoverLockHandle> AcquireAsync(string operation, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(wait, cancellationToken))
            throw new CutoverException(CutoverErrorIds.LockHeld, CutoverErrorKind.ResourceBusy, "held by another test rollback");
        log.Add($"lock {operation}");
        return new Handle(_gate, log, operation);
    }

    public Task<CutoverLockState> GetStateAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    private sealed class Handle(SemaphoreSlim gate, EventLog log, string operation) : ICutoverLockHandle
    {
        public CutoverLockHolder Holder => throw new NotSupportedException();
        public bool IsHeld { get; private set; } = true;

        public ValueTask DisposeAsync()
        {
            log.Add($"unlock {operation}");
            IsHeld = false;
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>A notifier that records sends and can hang until released or fail.</summary>
internal sealed class FakeNotifier(NotificationChannel channel, EventLog log) : INotifier
{
    public NotificationChannel Channel => channel;
    public bool Hang { get; set; }
    public bool Fail { get; set; }
    public List<CutoverNotification> Sent { get; } = [];

    public async Task<string?> SendAsync(CutoverNotification notification, CancellationToken cancellationToken)
    {
        log.Add($"send {channel} {notification.Event}");
        if (Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                log.Add($"gave up {channel} {notification.Event}");
            }
        }
        if (Fail)
            throw new CutoverException(CutoverErrorIds.NotificationFailed, CutoverErrorKind.ConnectionError, $"{channel} down");
        lock (Sent)
            Sent.Add(notification);
        log.Add($"sent {channel} {notification.Event}");
        return "ok";
    }

    public Task<CutoverNotificationReadiness> TestAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}

internal sealed class FakeVerifier(EventLog log) : IRollbackVerifier
{
    public RollbackStepOutcome Green { get; set; } = RollbackStepOutcome.Succeeded;
    public RollbackStepOutcome ErrorRatio { get; set; } = RollbackStepOutcome.Succeeded;

    public Task<RollbackCheck> CheckGreenAsync(CancellationToken cancellationToken)
    {
        log.Add("verify green");
        return Task.FromResult(new RollbackCheck("VerifyGreenHealth", Green, "test"));
    }

    public Task<RollbackCheck> CheckErrorRatioAsync(CancellationToken cancellationToken)
    {
        log.Add("verify errors");
        return Task.FromResult(new RollbackCheck("VerifyErrorRatio", ErrorRatio, "test"));
    }
}

internal sealed class ListJournal : IRollbackJournal
{
    public List<CutoverRollbackStep> Steps { get; } = [];
    public List<CutoverRollbackResult> Results { get; } = [];
    public void RecordStep(CutoverRollbackStep step) { lock (Steps) Steps.Add(step); }
    public void RecordResult(CutoverRollbackResult result) => Results.Add(result);
}
