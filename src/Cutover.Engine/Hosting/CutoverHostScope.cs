namespace Cutover.Engine.Hosting;

/// <summary>
/// The host of the engine call in progress, for code far below the call that has no host parameter of its own
/// (an AWS client's per-attempt trace). It flows with the async context: the cmdlet layer sets it once per engine
/// call, and every await and task started inside that call sees it. Outside a call it is null and nothing is written.
/// </summary>
public static class CutoverHostScope
{
    private static readonly AsyncLocal<ICutoverHost?> CurrentHost = new();

    public static ICutoverHost? Current => CurrentHost.Value;

    /// <summary>Makes <paramref name="host"/> current until the returned scope is disposed.</summary>
    public static IDisposable Enter(ICutoverHost host)
    {
        var previous = CurrentHost.Value;
        CurrentHost.Value = host;
        return new Restore(previous);
    }

    private sealed class Restore(ICutoverHost? previous) : IDisposable
    {
        public void Dispose() => CurrentHost.Value = previous;
    }
}
