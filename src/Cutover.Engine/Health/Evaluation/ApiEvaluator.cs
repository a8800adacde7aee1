namespace Cutover.Engine.Health.Evaluation;

/// <summary>One API endpoint's answer: a status code, or the reason there was none.</summary>
public sealed record ApiAnswer(string Path, int? StatusCode, string? Error);

/// <summary>Decides the Api check: every endpoint answers 200 or 401.</summary>
public static class ApiEvaluator
{
    public static HealthObservation Evaluate(IReadOnlyList<ApiAnswer> answers, string target)
    {
        if (answers.Count == 0)
            return HealthObservation.Unknown("no API endpoints configured", target);
        var observed = string.Join(", ", answers.Select(a => $"{a.Path} {(a.StatusCode?.ToString() ?? "no answer")}"));
        var bad = answers.Where(a => a.StatusCode is not (200 or 401)).ToList();
        return bad.Count == 0
            ? new(HealthStatus.Pass, $"{answers.Count} endpoint(s) answer", observed, "200 or 401", target)
            : new(HealthStatus.Fail, string.Join("; ", bad.Select(a => a.StatusCode is { } s ? $"{a.Path} answered HTTP {s}" : $"{a.Path}: {a.Error}")), observed, "200 or 401", target);
    }
}
