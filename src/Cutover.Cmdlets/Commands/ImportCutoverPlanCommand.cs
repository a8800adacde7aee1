using System.Management.Automation;
using Cutover.Commands.Plans;

namespace Cutover.Commands;

/// <summary>Reads and validates a plan file (.psd1 or .json) into a typed plan.</summary>
[Cmdlet(VerbsData.Import, "CutoverPlan")]
[OutputType(typeof(CutoverPlan))]
public sealed class ImportCutoverPlanCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        try
        {
            var result = PlanFile.Read(path);
            foreach (var warning in result.Problems.Where(p => p.Severity == PlanProblemSeverity.Warning))
                WriteWarning(warning.ToString());
            if (result.Plan is null)
                ThrowCutoverError(new PlanValidationException(path, result.Problems), path);
            WriteVerbose($"Read plan '{result.Plan!.Name}' from {path}: traffic through {result.Plan.Traffic.Provider}, {result.Plan.Stages.Count} stage(s).");
            WriteObject(result.Plan);
        }
        catch (CutoverException e)
        {
            ThrowCutoverError(e, path);
        }
    }
}
