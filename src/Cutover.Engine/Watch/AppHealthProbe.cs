using Cutover.Engine.Health.Checks;
using Cutover.Engine.Health.Evaluation;

namespace Cutover.Engine.Watch;

/// <summary>
/// GETs an environment's health path: Pass for HTTP 200 with status "ok"; Fail for another answer, no
/// answer or a timeout (a crashed app does not answer). The value is the HTTP status code.
/// </summary>
public sealed class AppHealthProbe(TimeProvider time, TimeSpan timeout)
{
    public async Task<AppHealth> ProbeAsync(EnvironmentPlan environment, CancellationToken cancellationToken)
    {
        var uri = new Uri(environment.AppUrl, environment.HealthPath);
        var (code, body, error) = await HttpProbe.GetAsync(uri, timeout, time, cancellationToken).ConfigureAwait(false);
        if (code is null)
            return new AppHealth(new JudgedValue(null, HealthStatus.Fail, $"{uri.AbsoluteUri} does not answer: {error}"), null);
        var fields = AppHealthDocument.Parse(body, out _);
        var status = fields?.GetValueOrDefault("status");
        var version = fields?.GetValueOrDefault("version");
        var ok = code == 200 && string.Equals(status, "ok", StringComparison.OrdinalIgnoreCase);
        var why = $"{uri.AbsoluteUri} answered HTTP {code}, status {status ?? "(none)"}, version {version ?? "(none)"}";
        return new AppHealth(new JudgedValue(code, ok ? HealthStatus.Pass : HealthStatus.Fail, why), version);
    }
}

/// <summary>The health endpoint's judgement and the version it reported.</summary>
public sealed record AppHealth(JudgedValue Health, string? Version);
