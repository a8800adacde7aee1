using System.Net.Sockets;
using Cutover.Engine.Health.Evaluation;

namespace Cutover.Engine.Health.Checks;

/// <summary>
/// The traffic provider answers and knows the blue and green targets. HAProxy is read through its runtime
/// API; AWS ALB and DNS are Unknown here until the traffic routers' factory can be used for a read.
/// </summary>
public sealed class LoadBalancerCheck(TimeProvider time) : IHealthCheck
{
    public HealthCheckKind Kind => HealthCheckKind.LoadBalancer;
    public bool IsShared => true;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) => true;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        if (context.Plan.Traffic.HAProxy is not { } haproxy)
            return HealthObservation.Unknown($"the LoadBalancer check reads HAProxy only so far; {context.Plan.Traffic.Provider} is not checked", context.Plan.Traffic.TargetKey);
        var target = $"{haproxy.RuntimeApi} backend {haproxy.Backend}";
        try
        {
            var servers = await new HAProxyServerStateReader(haproxy, context.Timeout, time).ReadAsync(cancellationToken).ConfigureAwait(false);
            return LoadBalancerEvaluator.Evaluate(servers, haproxy, target);
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new(HealthStatus.Fail, $"the HAProxy runtime API does not answer: {e.Message}", "no answer", "runtime API answers", target);
        }
    }
}
