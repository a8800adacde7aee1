namespace Cutover.Engine.Tests.Traffic;

/// <summary>A router whose state is a number in memory; records the calls it gets, in order.</summary>
internal sealed class FakeTrafficRouter : ITrafficRouter
{
    private readonly TimeProvider _time;

    public FakeTrafficRouter(TimeProvider time, int blue)
    {
        _time = time;
        Blue = blue;
    }

    public TrafficProviderKind Provider => TrafficProviderKind.HAProxy;
    public int Blue { get; set; }
    public List<string> Calls { get; } = [];

    /// <summary>How many reads after an apply still show the old split.</summary>
    public int StaleReads { get; set; }

    /// <summary>When set, an apply is accepted but never shows.</summary>
    public bool NeverApplies { get; set; }

    public Exception? Refusal { get; set; }

    private int _pending = -1;

    public Task<CutoverTrafficState> GetStateAsync(CancellationToken cancellationToken)
    {
        Calls.Add("get");
        if (_pending >= 0 && !NeverApplies)
        {
            if (StaleReads-- <= 0)
            {
                Blue = _pending;
                _pending = -1;
            }
        }
        return Task.FromResult(new CutoverTrafficState
        {
            Provider = Provider, Blue = Blue, Green = 100 - Blue, Raw = $"blue={Blue}", ObservedAt = _time.GetUtcNow(),
        });
    }

    public Task EnsureCanApplyAsync(int bluePercent, CancellationToken cancellationToken)
    {
        Calls.Add($"ensure {bluePercent}");
        return Refusal is null ? Task.CompletedTask : Task.FromException(Refusal);
    }

    public Task ApplyAsync(int bluePercent, ICutoverHost host, CancellationToken cancellationToken)
    {
        Calls.Add($"apply {bluePercent}");
        _pending = bluePercent;
        return Task.CompletedTask;
    }
}

/// <summary>Collects what the engine says.</summary>
internal sealed class RecordingHost : ICutoverHost
{
    public List<string> Verbose { get; } = [];
    public List<(string Message, string[] Tags)> Information { get; } = [];
    public void WriteObject(object value) { }
    public void WriteVerbose(string message) => Verbose.Add(message);
    public void WriteDebug(string message) { }
    public void WriteWarning(string message) { }
    public void WriteInformation(string message, params string[] tags) => Information.Add((message, tags));
    public void WriteProgress(CutoverProgress progress) { }
    public void WriteError(CutoverException error) { }
}
