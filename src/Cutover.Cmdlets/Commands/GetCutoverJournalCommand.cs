using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Journal;

namespace Cutover.Commands;

/// <summary>Reads a run's journal back as objects, or lists the plan's runs.</summary>
[Cmdlet(VerbsCommon.Get, "CutoverJournal", DefaultParameterSetName = EntriesSet)]
[OutputType(typeof(CutoverJournalEntry), ParameterSetName = [EntriesSet])]
[OutputType(typeof(CutoverRunInfo), ParameterSetName = [ListSet])]
public sealed class GetCutoverJournalCommand : CutoverCmdlet
{
    private const string EntriesSet = "Entries";
    private const string ListSet = "List";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(ParameterSetName = EntriesSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? RunId { get; set; }

    [Parameter(ParameterSetName = EntriesSet)]
    public JournalEntryKind[]? Kind { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ListSet)]
    public SwitchParameter List { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            if (List)
            {
                WriteObject(JournalReader.ListRuns(Plan), enumerateCollection: true);
                return;
            }
            var entries = JournalReader.Read(Plan, RunId);
            WriteObject(Kind is null ? entries : entries.Where(e => Kind.Contains(e.Kind)), enumerateCollection: true);
        }
        catch (CutoverException e)
        {
            WriteCutoverError(e, RunId ?? Plan.Name);
        }
    }
}
