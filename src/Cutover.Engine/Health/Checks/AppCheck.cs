using Cutover.Engine.Health.Evaluation;

namespace Cutover.Engine.Health.Checks;

/// <summary>GET the app's health path and judge status, version and dependencies.</summary>
public sealed class AppCheck(TimeProvider time) : IHealthCheck
{
    public HealthCheckKind Kind => HealthCheckKind.App;
    public bool IsShared => false;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) => environment is not null;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var env = context.EnvironmentPlan;
        var uri = new Uri(env.AppUrl, env.HealthPath);
        var (status, body, error) = await HttpProbe.GetAsync(uri, context.Timeout, time, cancellationToken).ConfigureAwait(false);
        return status is { } code
            ? AppHealthEvaluator.Evaluate(code, body, env.ExpectedVersion, uri.AbsoluteUri)
            : new(HealthStatus.Fail, $"the app does not answer: {error}", "no answer", "HTTP 200", uri.AbsoluteUri);
    }
}
