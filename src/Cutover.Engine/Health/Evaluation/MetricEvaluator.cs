namespace Cutover.Engine.Health.Evaluation;

/// <summary>Decides the ErrorRate and Latency checks from Prometheus samples; anything unreadable is Unknown.</summary>
public static class MetricEvaluator
{
    public static HealthObservation ErrorRate(MetricSample requestCount, MetricSample errorRatio, int minRequestCount, double maxErrorRatio, string target)
    {
        var expected = $"< {HealthStatuses.Number(maxErrorRatio)} with >= {minRequestCount} requests";
        if (requestCount.Value is not { } count)
            return HealthObservation.Unknown($"request count unknown: {requestCount.UnknownReason}", target, expected);
        if (count < minRequestCount)
            return new(HealthStatus.Unknown, $"only {count:0} request(s) in the window, fewer than MinRequestCount {minRequestCount}: too few to judge", $"{count:0} requests", expected, target);
        if (errorRatio.Value is not { } ratio)
            return new(HealthStatus.Unknown, $"error ratio unknown: {errorRatio.UnknownReason}", $"{count:0} requests", expected, target);
        var observed = $"{HealthStatuses.Number(ratio)} of {count:0} requests";
        return ratio < maxErrorRatio
            ? new(HealthStatus.Pass, $"error ratio {HealthStatuses.Number(ratio)} below {HealthStatuses.Number(maxErrorRatio)}", observed, expected, target)
            : new(HealthStatus.Fail, $"error ratio {HealthStatuses.Number(ratio)} is not below {HealthStatuses.Number(maxErrorRatio)}", observed, expected, target);
    }

    /// <summary>P95 is judged, like the error ratio, only with at least <paramref name="minRequestCount"/> requests in the window.</summary>
    public static HealthObservation Latency(MetricSample requestCount, MetricSample p95Ms, int minRequestCount, double maxP95Ms, string target)
    {
        var expected = $"P95 < {HealthStatuses.Number(maxP95Ms)} ms with >= {minRequestCount} requests";
        if (requestCount.Value is not { } count)
            return HealthObservation.Unknown($"request count unknown: {requestCount.UnknownReason}", target, expected);
        if (count < minRequestCount)
            return new(HealthStatus.Unknown, $"only {count:0} request(s) in the window, fewer than MinRequestCount {minRequestCount}: too few to judge P95", $"{count:0} requests", expected, target);
        if (p95Ms.Value is not { } p95)
            return HealthObservation.Unknown($"P95 unknown: {p95Ms.UnknownReason}", target, expected);
        var observed = $"P95 {p95:0.#} ms";
        return p95 < maxP95Ms
            ? new(HealthStatus.Pass, observed, observed, expected, target)
            : new(HealthStatus.Fail, $"P95 {p95:0.#} ms is not below {HealthStatuses.Number(maxP95Ms)} ms", observed, expected, target);
    }
}
