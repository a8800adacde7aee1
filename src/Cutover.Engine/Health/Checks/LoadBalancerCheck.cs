using System.Net.Sockets;
using Cutover.Engine.Health.Evaluation;
using Cutover.Engine.Traffic;

namespace Cutover.Engine.Health.Checks;

/// <summary>
/// The plan's traffic provider (HAProxy, AWS ALB, DNS, through <see cref="ITrafficRouter"/>) answers and knows the
/// blue and green targets; the provider's health checks of each side are compared with the procedure's settings.
/// </summary>
public sealed class LoadBalancerCheck(Func<CutoverPlan, ISecretResolver, ITrafficRouter> routers) : IHealthCheck
{
    /// <summary>The check over the plan's configured provider (<see cref="TrafficRouterFactory"/>).</summary>
    public LoadBalancerCheck(TimeProvider time) : this((plan, secrets) => TrafficRouterFactory.Create(plan, secrets, time))
    {
    }

    public HealthCheckKind Kind => HealthCheckKind.LoadBalancer;
    public bool IsShared => true;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) => true;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var plan = context.Plan;
        var target = $"{plan.Traffic.Provider} {plan.Traffic.TargetKey}";
        try
        {
            var state = await routers(plan, context.Secrets).GetStateAsync(cancellationToken).ConfigureAwait(false);
            return LoadBalancerEvaluator.Evaluate(state, e => ProviderHealthCheckExpectation.For(plan, e), target);
        }
        catch (CutoverException e) when (e.Kind != CutoverErrorKind.InvalidArgument)
        {
            return new(HealthStatus.Fail, $"{plan.Traffic.Provider}: {e.Message}", "no usable answer", "the provider answers and knows blue and green", target);
        }
        catch (Exception e) when (e is SocketException or IOException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new(HealthStatus.Fail, $"{plan.Traffic.Provider} does not answer: {e.Message}", "no answer", "the provider answers", target);
        }
    }
}
