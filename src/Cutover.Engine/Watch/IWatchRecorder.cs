namespace Cutover.Engine.Watch;

/// <summary>Where a watch records what it saw (the run's journal); a watch without a run id records nothing.</summary>
public interface IWatchRecorder
{
    void RecordSample(CutoverMetricSample sample);
    void RecordTrigger(CutoverTrigger trigger);
}
