namespace Cutover;

/// <summary>A plan with problems: one error that lists every bad field by path.</summary>
public sealed class PlanValidationException : CutoverException
{
    public PlanValidationException(string source, IReadOnlyList<PlanProblem> problems)
        : base(CutoverErrorIds.PlanInvalid, CutoverErrorKind.InvalidData, FormatMessage(source, problems), source,
            "Fix each field named above, then run Test-CutoverPlan to check the plan again.")
    {
        Problems = problems;
    }

    public IReadOnlyList<PlanProblem> Problems { get; }

    private static string FormatMessage(string source, IReadOnlyList<PlanProblem> problems)
    {
        var errors = problems.Where(p => p.Severity == PlanProblemSeverity.Error).ToList();
        return $"The plan '{source}' has {errors.Count} problem(s):{Environment.NewLine}" +
            string.Join(Environment.NewLine, errors.Select(p => $"  {p.Field}: {p.Problem}. Fix: {p.Fix}"));
    }
}
