namespace Cutover;

/// <summary>
/// A traffic provider (HAProxy, AWS ALB, DNS): reads where traffic goes and applies a new split. The
/// engine's traffic switcher, not the router, orders, verifies and times out changes.
/// </summary>
public interface ITrafficRouter
{
    TrafficProviderKind Provider { get; }

    Task<CutoverTrafficState> GetStateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Throws a <see cref="CutoverException"/> when moving traffic to <paramref name="bluePercent"/> must be
    /// refused (unsupported split, no healthy targets on the receiving side).
    /// </summary>
    Task EnsureCanApplyAsync(int bluePercent, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the split so that at no moment both sides receive nothing (raise the receiving side first).
    /// Idempotent: "set to N", never "add N".
    /// </summary>
    Task ApplyAsync(int bluePercent, ICutoverHost host, CancellationToken cancellationToken);
}
