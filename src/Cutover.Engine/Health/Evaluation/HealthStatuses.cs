namespace Cutover.Engine.Health.Evaluation;

/// <summary>Combines statuses: the worst wins, with Fail worse than Unknown, worse than Warn, worse than Pass.</summary>
public static class HealthStatuses
{
    public static HealthStatus Worst(IEnumerable<HealthStatus> statuses) =>
        statuses.DefaultIfEmpty(HealthStatus.Unknown).MaxBy(Rank);

    private static int Rank(HealthStatus status) => status switch
    {
        HealthStatus.Pass => 0,
        HealthStatus.Warn => 1,
        HealthStatus.Unknown => 2,
        _ => 3,
    };

    public static string Seconds(double seconds) => seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "s";

    public static string Number(double value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
