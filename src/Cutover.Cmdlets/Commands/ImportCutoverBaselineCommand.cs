using System.Management.Automation;
using Cutover.Engine.Baselines;

namespace Cutover.Commands;

/// <summary>Reads a baseline written by Export-CutoverBaseline.</summary>
[Cmdlet(VerbsData.Import, "CutoverBaseline")]
[OutputType(typeof(CutoverBaseline))]
public sealed class ImportCutoverBaselineCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = null!;

    protected override void ProcessRecord()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteCutoverError(new CutoverException(CutoverErrorIds.BaselineUnreadable, CutoverErrorKind.ObjectNotFound,
                $"cannot read '{path}': {e.Message}", path, innerException: e), path);
            return;
        }
        try
        {
            WriteObject(BaselineJson.Deserialize(json, path));
        }
        catch (CutoverException e)
        {
            WriteCutoverError(e, path);
        }
    }
}
