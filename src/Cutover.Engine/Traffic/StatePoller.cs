namespace Cutover.Engine.Traffic;

/// <summary>Reads a state again and again, on a <see cref="TimeProvider"/>, until it is the wanted one or time is up.</summary>
internal static class StatePoller
{
    /// <summary>
    /// Reads at once, then every <paramref name="interval"/> until <paramref name="done"/> holds or
    /// <paramref name="timeout"/> has passed. Returns whether it held, and the last state read.
    /// </summary>
    public static async Task<(bool Done, T Last)> WaitForAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, bool> done,
        TimeSpan timeout, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var state = await read(cancellationToken).ConfigureAwait(false);
            if (done(state))
                return (true, state);
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
                return (false, state);
            await Task.Delay(left < interval ? left : interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
