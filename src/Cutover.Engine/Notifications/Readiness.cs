using System.Diagnostics;

namespace Cutover.Engine.Notifications;

/// <summary>The common shape of a channel check: secrets first, then the channel's own probe; fail closed.</summary>
internal static class Readiness
{
    public static async Task<CutoverNotificationReadiness> CheckAsync(NotificationChannel channel, ISecretResolver secrets,
        IReadOnlyList<(SecretReference Reference, string Field)> required,
        Func<CancellationToken, Task<(ReadinessStatus Status, string Reason)>> probe, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        ReadinessStatus status;
        string reason;
        try
        {
            foreach (var (reference, field) in required)
                secrets.Resolve(reference, field);
            (status, reason) = await probe(cancellationToken).ConfigureAwait(false);
            reason = $"configuration complete, secrets resolved; {reason}";
        }
        catch (CutoverException e)
        {
            (status, reason) = (e.IsTransient ? ReadinessStatus.Unknown : ReadinessStatus.Fail, e.Message);
        }
        catch (OperationCanceledException)
        {
            (status, reason) = (ReadinessStatus.Unknown, "no answer before the timeout");
        }
        return new CutoverNotificationReadiness
        {
            Channel = channel,
            Status = status,
            Reason = SecretRedactor.Global.Redact(reason),
            Duration = Stopwatch.GetElapsedTime(started),
        };
    }
}
