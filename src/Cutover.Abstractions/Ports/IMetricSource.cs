namespace Cutover;

/// <summary>
/// A source of metric values (Prometheus). Never throws for an unreadable value: it answers with an
/// Unknown sample that says why. Only cancellation by the caller's token propagates.
/// </summary>
public interface IMetricSource
{
    /// <summary>An instant query that must aggregate to exactly one value.</summary>
    Task<MetricSample> QueryScalarAsync(string query, CancellationToken cancellationToken);

    /// <summary>A range query that must aggregate to at most one series.</summary>
    Task<MetricSeries> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancellationToken);
}
