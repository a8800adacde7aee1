namespace Cutover.Engine.Health.Evaluation;

/// <summary>Decides the App check from the /health answer: 200, status ok, the expected version, every dependency ok.</summary>
public static class AppHealthEvaluator
{
    public static readonly string[] Dependencies = ["database", "rabbitmq", "redis"];

    public static HealthObservation Evaluate(int statusCode, string body, string expectedVersion, string target)
    {
        var expected = $"HTTP 200, status ok, version {expectedVersion}, {string.Join(", ", Dependencies.Select(d => d + " ok"))}";
        if (AppHealthDocument.Parse(body, out var problem) is not { } fields)
            return new(HealthStatus.Fail, $"/health answered HTTP {statusCode} with {problem}", $"HTTP {statusCode}", expected, target);
        var status = fields.GetValueOrDefault("status");
        var version = fields.GetValueOrDefault("version");
        var observed = $"HTTP {statusCode}, status {status ?? "(none)"}, version {version ?? "(none)"}, " +
            string.Join(", ", Dependencies.Select(d => $"{d} {fields.GetValueOrDefault(d) ?? "(none)"}"));
        var problems = new List<string>();
        if (statusCode != 200)
            problems.Add($"HTTP {statusCode}");
        if (!string.Equals(status, "ok", StringComparison.OrdinalIgnoreCase))
            problems.Add($"status is '{status ?? "(missing)"}'");
        if (!string.Equals(version, expectedVersion, StringComparison.Ordinal))
            problems.Add($"version is '{version ?? "(missing)"}', expected '{expectedVersion}'");
        foreach (var dependency in Dependencies)
        {
            var value = fields.GetValueOrDefault(dependency);
            if (!string.Equals(value, "ok", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{dependency} is '{value ?? "(missing)"}'");
        }
        return problems.Count == 0
            ? new(HealthStatus.Pass, $"healthy, version {version}", observed, expected, target)
            : new(HealthStatus.Fail, string.Join("; ", problems), observed, expected, target);
    }
}
