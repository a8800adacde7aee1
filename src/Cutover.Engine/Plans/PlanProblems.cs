namespace Cutover.Engine.Plans;

/// <summary>Collects every problem found while reading a plan, so that all are reported at once.</summary>
internal sealed class PlanProblems
{
    private readonly List<PlanProblem> _items = [];

    public IReadOnlyList<PlanProblem> Items => _items;

    public bool HasErrors => _items.Any(p => p.Severity == PlanProblemSeverity.Error);

    public void Error(string field, string problem, string fix) =>
        _items.Add(new PlanProblem { Field = field, Problem = problem, Fix = fix });

    public void Warning(string field, string problem, string fix) =>
        _items.Add(new PlanProblem { Field = field, Problem = problem, Fix = fix, Severity = PlanProblemSeverity.Warning });
}
