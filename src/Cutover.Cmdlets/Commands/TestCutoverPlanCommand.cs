using System.Management.Automation;
using Cutover.Commands.Plans;

namespace Cutover.Commands;

/// <summary>Lists every problem of a plan file at once; with -Quiet, says only whether it is valid.</summary>
[Cmdlet(VerbsDiagnostic.Test, "CutoverPlan")]
[OutputType(typeof(PlanProblem))]
[OutputType(typeof(bool))]
public sealed class TestCutoverPlanCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        IReadOnlyList<PlanProblem> problems;
        try
        {
            problems = PlanFile.Read(path).Problems;
        }
        catch (CutoverException e) when (e.ErrorId is CutoverErrorIds.PlanUnreadable or CutoverErrorIds.PlanNotFound)
        {
            problems = [new PlanProblem { Field = "(file)", Problem = e.Message, Fix = e.RecommendedAction ?? "fix the file", Path = path }];
        }
        var valid = problems.All(p => p.Severity != PlanProblemSeverity.Error);
        WriteVerbose(valid ? $"{path}: no errors ({problems.Count} warning(s))." : $"{path}: {problems.Count(p => p.Severity == PlanProblemSeverity.Error)} error(s).");
        if (Quiet)
        {
            WriteObject(valid);
            return;
        }
        foreach (var problem in problems)
        {
            WriteObject(new PlanProblem { Field = problem.Field, Problem = problem.Problem, Fix = problem.Fix, Severity = problem.Severity, Path = path });
        }
    }
}
