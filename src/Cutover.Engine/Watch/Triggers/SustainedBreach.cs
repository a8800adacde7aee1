namespace Cutover.Engine.Watch.Triggers;

/// <summary>
/// Sustained-breach state of one value of one environment. It fires when every sample since the breach
/// began breached (no passing sample since) and the breach began at least the window ago, or when the
/// value was Unknown for <c>errorBudget</c> consecutive samples: an unreadable value never passes.
/// </summary>
public sealed class SustainedBreach
{
    private const int MaxObserved = 12;
    private readonly TimeSpan _window;
    private readonly int _errorBudget;
    private readonly Queue<string> _observed = new();
    private DateTimeOffset? _breachSince;
    private DateTimeOffset? _unknownSince;
    private int _unknowns;

    public SustainedBreach(TimeSpan window, int errorBudget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(errorBudget, 1);
        _window = window;
        _errorBudget = errorBudget;
    }

    /// <summary>Null while nothing fires; otherwise what fired. The state starts over after firing.</summary>
    public SustainedOutcome? Observe(DateTimeOffset time, HealthStatus status, string display)
    {
        switch (status)
        {
            case HealthStatus.Pass or HealthStatus.Warn:
                Reset();
                return null;
            case HealthStatus.Fail:
                _breachSince ??= time;
                _unknowns = 0;
                _unknownSince = null;
                Remember($"{time:HH:mm:ss} {display}");
                if (time - _breachSince.Value < _window)
                    return null;
                return Fire(new SustainedOutcome(_breachSince.Value, Observed(), FromUnknown: false));
            default:
                _unknowns++;
                _unknownSince ??= time;
                Remember($"{time:HH:mm:ss} Unknown");
                if (_unknowns < _errorBudget)
                    return null;
                return Fire(new SustainedOutcome(_unknownSince.Value, Observed(), FromUnknown: true));
        }
    }

    private string Observed() => string.Join(", ", _observed);

    private SustainedOutcome Fire(SustainedOutcome outcome)
    {
        Reset();
        return outcome;
    }

    private void Remember(string entry)
    {
        _observed.Enqueue(entry);
        while (_observed.Count > MaxObserved)
            _observed.Dequeue();
    }

    private void Reset()
    {
        _breachSince = null;
        _unknownSince = null;
        _unknowns = 0;
        _observed.Clear();
    }
}

/// <summary>A sustained condition that held: since when, and the values seen.</summary>
public sealed record SustainedOutcome(DateTimeOffset Since, string Observed, bool FromUnknown);
