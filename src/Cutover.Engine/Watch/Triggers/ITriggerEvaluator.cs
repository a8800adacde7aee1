namespace Cutover.Engine.Watch.Triggers;

/// <summary>
/// One rollback trigger. It sees every sample in time order, keeps its own state and answers with a
/// fired trigger or nothing. After firing it starts over, so with -Continue it fires again only after
/// another full window.
/// </summary>
public interface ITriggerEvaluator
{
    CutoverTriggerKind Kind { get; }

    /// <summary>The condition in words, e.g. "error ratio > 0.1 for 30s".</summary>
    string Condition { get; }

    IReadOnlyList<FiredTrigger> Evaluate(WatchTick tick);
}

/// <summary>What a trigger evaluator found; the watcher stamps plan and run id on it.</summary>
public sealed record FiredTrigger(CutoverTriggerKind Kind, string Condition, CutoverEnvironment? Environment, string Observed,
    DateTimeOffset Since, DateTimeOffset FiredAt, bool FromUnknown, string Reason);
