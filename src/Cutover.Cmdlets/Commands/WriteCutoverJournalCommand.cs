using System.Collections;
using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Commands.Hosting;
using Cutover.Engine.Journal;

namespace Cutover.Commands;

/// <summary>Appends one entry to a run's journal; the runbook records its steps and decisions with it.</summary>
[Cmdlet(VerbsCommunications.Write, "CutoverJournal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(CutoverJournalEntry))]
public sealed class WriteCutoverJournalCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string RunId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public JournalEntryKind Kind { get; set; }

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Message { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public IDictionary? Data { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"journal of run {RunId}", $"append {Kind} '{Name}'"))
            return;
        try
        {
            using var writer = JournalWriter.Open(Plan, RunId);
            var entry = writer.Append(Kind, Name, Status, Message, Data is null ? null : JournalData.From(Data));
            if (PassThru)
                WriteObject(entry);
        }
        catch (Exception e) when (e is CutoverException or IOException or UnauthorizedAccessException)
        {
            ThrowCutoverError(e, RunId);
        }
    }
}
