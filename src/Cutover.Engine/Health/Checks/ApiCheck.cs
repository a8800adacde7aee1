using Cutover.Engine.Health.Evaluation;

namespace Cutover.Engine.Health.Checks;

/// <summary>GET every configured API endpoint at once; each must answer 200 or 401.</summary>
public sealed class ApiCheck(TimeProvider time) : IHealthCheck
{
    public HealthCheckKind Kind => HealthCheckKind.Api;
    public bool IsShared => false;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) =>
        environment is { } e && plan.GetEnvironment(e).ApiEndpoints.Count > 0;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var env = context.EnvironmentPlan;
        var answers = await Task.WhenAll(env.ApiEndpoints.Select(async path =>
        {
            var (status, _, error) = await HttpProbe.GetAsync(new Uri(env.AppUrl, path), context.Timeout, time, cancellationToken).ConfigureAwait(false);
            return new ApiAnswer(path, status, error);
        })).ConfigureAwait(false);
        return ApiEvaluator.Evaluate(answers, env.AppUrl.AbsoluteUri);
    }
}
