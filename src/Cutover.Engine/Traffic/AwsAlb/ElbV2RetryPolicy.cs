namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// Which ELBv2 failures are worth another attempt, how many attempts, and how long to wait: exponential backoff
/// with "equal jitter" (half the step fixed, half random), capped. Throttling codes and the 5xx statuses the AWS
/// SDKs retry (500, 502, 503, 504) are transient; every other answer is final.
/// </summary>
public sealed class ElbV2RetryPolicy
{
    /// <summary>The throttling error codes AWSSDK.Core's standard retry policy recognises.</summary>
    public static readonly IReadOnlySet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "RequestTimeout", "RequestTimeoutException",
    };

    /// <summary>Attempts in all, the first included; default 4 (the SDK's standard mode uses 3).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first step; it doubles with each failed attempt. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>No wait is longer than this. Default 20 s, as in the SDK.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Per-attempt deadline for one HTTP exchange. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public static ElbV2RetryPolicy Default { get; } = new();

    public static bool IsTransient(string code, int httpStatus) =>
        ThrottlingCodes.Contains(code) || httpStatus is 500 or 502 or 503 or 504;

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based); <paramref name="jitter"/> in [0, 1).</summary>
    public TimeSpan Delay(int attempt, double jitter)
    {
        var step = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30)));
        return TimeSpan.FromMilliseconds(step / 2 + step / 2 * Math.Clamp(jitter, 0, 1));
    }
}
