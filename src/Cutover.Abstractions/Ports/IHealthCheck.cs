namespace Cutover;

/// <summary>
/// One pre-cutover health check. A new check is a new class. A check never throws for an unhealthy or
/// unreachable subject: it answers Fail or Unknown with the reason. Only the caller's cancellation propagates.
/// </summary>
public interface IHealthCheck
{
    HealthCheckKind Kind { get; }

    /// <summary>True for checks of shared infrastructure (load balancer, monitoring): run once, not per environment.</summary>
    bool IsShared { get; }

    /// <summary>Whether the plan configures this check's subject for <paramref name="environment"/> (null for shared checks).</summary>
    bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment);

    Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken);
}

/// <summary>What a check gets: the plan, the environment (null for shared checks), secrets, a host to talk through.</summary>
public sealed record HealthCheckContext(CutoverPlan Plan, CutoverEnvironment? Environment, ISecretResolver Secrets, ICutoverHost Host, TimeSpan Timeout)
{
    /// <summary>The environment's plan; only for per-environment checks.</summary>
    public EnvironmentPlan EnvironmentPlan => Plan.GetEnvironment(Environment ?? throw new InvalidOperationException("A shared check has no environment."));
}
