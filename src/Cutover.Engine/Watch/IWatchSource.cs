namespace Cutover.Engine.Watch;

/// <summary>
/// Where a watch reads from (Prometheus, the app's health endpoint, the database). Never throws for an
/// unreadable value: it answers Unknown or Fail with the reason. Only the caller's cancellation propagates.
/// </summary>
public interface IWatchSource
{
    Task<EnvironmentReading> ReadAsync(CutoverEnvironment environment, CancellationToken cancellationToken);

    /// <summary>Firing alerts named in Triggers.Alerts with label severity=critical.</summary>
    Task<AlertReading> ReadAlertsAsync(CancellationToken cancellationToken);
}
