using System.Management.Automation;
using Cutover.Engine.Baselines;

namespace Cutover.Commands;

/// <summary>Writes a baseline to a JSON file, for Import-CutoverBaseline later (for example in the runbook's process).</summary>
[Cmdlet(VerbsData.Export, "CutoverBaseline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class ExportCutoverBaselineCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public CutoverBaseline Baseline { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1)]
    public string Path { get; set; } = null!;

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (File.Exists(path) && !Force)
        {
            WriteCutoverError(new CutoverException(CutoverErrorIds.BaselineUnreadable, CutoverErrorKind.ResourceBusy,
                $"'{path}' exists; use -Force to overwrite it.", path, "Choose another path or add -Force."), path);
            return;
        }
        if (!ShouldProcess(path, $"Write the {Baseline.Environment} baseline of {Baseline.Plan}"))
            return;
        try
        {
            File.WriteAllText(path, BaselineJson.Serialize(Baseline));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteCutoverError(new CutoverException(CutoverErrorIds.BaselineUnreadable, CutoverErrorKind.PermissionDenied,
                $"cannot write '{path}': {e.Message}", path, innerException: e), path);
            return;
        }
        WriteObject(new FileInfo(path));
    }
}
