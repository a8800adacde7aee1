using System.Globalization;

namespace Cutover.Engine.Health.Evaluation;

/// <summary>
/// What the procedure expects of the traffic provider's own health check of one side (an ALB target group):
/// HTTP on the app's health path and port, healthy after 2, unhealthy after 3, every 30 s with a 5 s timeout.
/// </summary>
public sealed record ProviderHealthCheckExpectation(string Protocol, string Path, int Port, int HealthyThreshold, int UnhealthyThreshold, int IntervalSec, int TimeoutSec)
{
    /// <summary>
    /// The procedure's settings for the environment's app: its health path, and the plan's ALB <c>AppPort</c> when set
    /// (the port behind the load balancer), otherwise the port of its AppUrl.
    /// </summary>
    public static ProviderHealthCheckExpectation For(CutoverPlan plan, CutoverEnvironment environment)
    {
        var app = plan.GetEnvironment(environment);
        return new("HTTP", app.HealthPath, plan.Traffic.AwsAlb?.AppPort ?? app.AppUrl.Port, 2, 3, 30, 5);
    }

    public override string ToString() =>
        $"{Protocol} {Path} port {Port.ToString(CultureInfo.InvariantCulture)} healthy {HealthyThreshold} unhealthy {UnhealthyThreshold} every {IntervalSec}s timeout {TimeoutSec}s";

    /// <summary>Each setting of <paramref name="check"/> that differs from this expectation, as "name observed (expected …)"; a missing value is a difference.</summary>
    public IReadOnlyList<string> Differences(TrafficHealthCheck check)
    {
        var differences = new List<string>();
        if (!check.Enabled)
            differences.Add("health check disabled");
        Compare(differences, "protocol", check.Protocol, Protocol, StringComparer.OrdinalIgnoreCase);
        Compare(differences, "path", check.Path, Path, StringComparer.Ordinal);
        var port = check.Port == "traffic-port" ? check.TrafficPort : int.TryParse(check.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        Compare(differences, "port", port, Port, check.Port == "traffic-port" ? $"traffic-port={Show(port)}" : check.Port);
        Compare(differences, "healthy threshold", check.HealthyThreshold, HealthyThreshold);
        Compare(differences, "unhealthy threshold", check.UnhealthyThreshold, UnhealthyThreshold);
        Compare(differences, "interval", check.IntervalSec, IntervalSec);
        Compare(differences, "timeout", check.TimeoutSec, TimeoutSec);
        return differences;
    }

    private static void Compare(List<string> differences, string name, string? observed, string expected, StringComparer comparer)
    {
        if (observed is null || !comparer.Equals(observed, expected))
            differences.Add($"{name} {observed ?? "not set"} (expected {expected})");
    }

    private static void Compare(List<string> differences, string name, int? observed, int expected, string? shown = null)
    {
        if (observed != expected)
            differences.Add($"{name} {shown ?? Show(observed)} (expected {expected.ToString(CultureInfo.InvariantCulture)})");
    }

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "not set";
}
