namespace Cutover.Engine.Watch.Triggers;

/// <summary>What the per-environment triggers share: one sustained-breach state per environment over one judged value.</summary>
public abstract class EnvironmentValueTrigger : ITriggerEvaluator
{
    private readonly Dictionary<CutoverEnvironment, SustainedBreach> _states = [];
    private readonly TimeSpan _window;
    private readonly int _errorBudget;

    protected EnvironmentValueTrigger(TimeSpan window, int errorBudget)
    {
        _window = window;
        _errorBudget = errorBudget;
    }

    public abstract CutoverTriggerKind Kind { get; }
    public abstract string Condition { get; }

    /// <summary>The value this trigger judges; Fail breaches, Unknown spends the error budget.</summary>
    protected abstract JudgedValue Select(WatchObservation observation);

    public IReadOnlyList<FiredTrigger> Evaluate(WatchTick tick)
    {
        var fired = new List<FiredTrigger>();
        foreach (var observation in tick.Environments)
        {
            if (!_states.TryGetValue(observation.Environment, out var state))
                _states[observation.Environment] = state = new SustainedBreach(_window, _errorBudget);
            var value = Select(observation);
            if (state.Observe(tick.Time, value.Status, value.Display) is not { } outcome)
                continue;
            var condition = outcome.FromUnknown ? $"{Condition} (Unknown for {_errorBudget} consecutive samples)" : Condition;
            var reason = outcome.FromUnknown
                ? $"{Kind} on {observation.Environment}: no reading for {_errorBudget} consecutive samples since {outcome.Since:HH:mm:ss} ({value.Reason}); an unreadable value never passes"
                : $"{Kind} on {observation.Environment}: {Condition} held since {outcome.Since:HH:mm:ss} ({value.Reason})";
            fired.Add(new FiredTrigger(Kind, condition, observation.Environment, outcome.Observed, outcome.Since, tick.Time, outcome.FromUnknown, reason));
        }
        return fired;
    }
}
