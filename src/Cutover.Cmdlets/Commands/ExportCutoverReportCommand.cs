using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Reports;

namespace Cutover.Commands;

/// <summary>Writes one self-contained report (HTML with SVG charts, or Markdown) of a run from its journal.</summary>
[Cmdlet(VerbsData.Export, "CutoverReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class ExportCutoverReportCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? RunId { get; set; }

    [Parameter(Mandatory = true)]
    public CutoverReportFormat Format { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        try
        {
            if (File.Exists(path) && !Force)
                throw ReportExporter.Exists(path);
            var (runId, content) = ReportExporter.Render(Plan, RunId, Format, Redactor);
            WriteVerbose($"Rendered the {Format} report of run {runId} of plan {Plan.Name} ({content.Length} characters).");
            if (!ShouldProcess(path, $"write the {Format} report of run {runId}"))
                return;
            var file = ReportExporter.Write(path, content, Force);
            if (PassThru)
                WriteObject(file);
        }
        catch (Exception e) when (e is CutoverException or IOException or UnauthorizedAccessException)
        {
            ThrowCutoverError(e, path);
        }
    }
}
