namespace Cutover.Engine.Reports;

/// <summary>
/// The Data keys the report reads from journal entries: the contract between the journal's writers and
/// the report, documented in docs/journal.md. Keys are matched case-insensitively.
/// <list type="bullet">
/// <item>Sample (one entry per environment per sample, written by <c>Watch-CutoverMetric -RunId</c>):
/// <see cref="Environment"/> ("Blue"/"Green"), <see cref="RequestRate"/> (requests/s), <see cref="ErrorRatio"/>
/// (0..1), <see cref="P95Ms"/> (milliseconds). A missing, null or non-numeric value is Unknown and is drawn as a gap.</item>
/// <item>WeightChange: <see cref="Blue"/>, <see cref="Green"/> (percent of traffic after the change).</item>
/// <item>Trigger: <see cref="Name"/>, <see cref="Condition"/>, <see cref="Environment"/>.</item>
/// <item>Step: <see cref="DurationSec"/> (optional; otherwise a step's duration is the time from its first
/// entry to its last entry of the same name).</item>
/// </list>
/// </summary>
public static class JournalDataKeys
{
    public const string Environment = "Environment";
    public const string RequestRate = "RequestRate";
    public const string ErrorRatio = "ErrorRatio";
    public const string P95Ms = "P95Ms";

    public const string Blue = "Blue";
    public const string Green = "Green";

    public const string Name = "Name";
    public const string Condition = "Condition";

    public const string DurationSec = "DurationSec";
}
