namespace Cutover.Engine.Health.Evaluation;

/// <summary>
/// Decides the LoadBalancer check from the traffic provider's own state: it answers, sends traffic somewhere,
/// every side it sends traffic to has a target, its warnings are passed on, and its health checks of each side
/// (when it has them) match the procedure's settings.
/// </summary>
public static class LoadBalancerEvaluator
{
    public static HealthObservation Evaluate(CutoverTrafficState state, Func<CutoverEnvironment, ProviderHealthCheckExpectation> expectation, string target)
    {
        var observed = $"{state}; {state.Raw}";
        const string expected = "the provider answers and routes to known blue and green targets";
        if (state.Blue + state.Green == 0)
            return new(HealthStatus.Fail, $"{state.Provider} sends traffic to neither blue nor green{Also(state.Warnings)}", observed, expected, target);
        var empty = new[] { (CutoverEnvironment.Blue, state.Blue), (CutoverEnvironment.Green, state.Green) }
            .Where(s => s.Item2 > 0 && state.Targets.All(t => t.Environment != s.Item1)).Select(s => s.Item1).ToList();
        if (empty.Count > 0)
            return new(HealthStatus.Fail, $"{state.Provider} sends traffic to {string.Join(" and ", empty)} but lists no target there", observed, expected, target);

        var warnings = new List<string>(state.Warnings);
        foreach (var check in state.HealthChecks)
        {
            var differences = expectation(check.Environment).Differences(check);
            if (differences.Count > 0)
                warnings.Add($"{check.Environment} health check of {check.Target}: {string.Join(", ", differences)}");
        }
        var targets = string.Join(", ", state.Targets.Select(t => $"{t.Environment?.ToString() ?? "neither"} {t.Target} {t.State}"));
        return warnings.Count > 0
            ? new(HealthStatus.Warn, string.Join("; ", warnings), observed, expected, target)
            : new(HealthStatus.Pass, $"{state.Provider} answers: blue {state.Blue}% / green {state.Green}%; targets {targets}", observed, expected, target);
    }

    private static string Also(IReadOnlyList<string> warnings) => warnings.Count == 0 ? "" : ": " + string.Join("; ", warnings);
}
