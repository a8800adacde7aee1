using System.Collections.Concurrent;
using System.Net;

namespace Cutover.Engine.Http;

/// <summary>
/// One long-lived HttpClient per scheme, host and port for the whole session, so connections are pooled
/// and DNS changes are still picked up. Timeouts are per call (a linked CancellationToken), never global.
/// </summary>
public static class SharedHttpClients
{
    private static readonly ConcurrentDictionary<string, HttpClient> Clients = new(StringComparer.OrdinalIgnoreCase);

    public static HttpClient For(Uri endpoint) =>
        Clients.GetOrAdd(endpoint.GetLeftPart(UriPartial.Authority), _ => new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { "User-Agent", "Cutover/0.1" } },
        });

    /// <summary>A token that ends at <paramref name="timeout"/> (on <paramref name="time"/>'s clock) or when the caller's token does.</summary>
    public static Deadline Deadline(TimeSpan timeout, CancellationToken cancellationToken, TimeProvider? time = null) =>
        new(timeout, cancellationToken, time ?? TimeProvider.System);
}

/// <summary>
/// A per-call deadline. It owns its timer (a timer nobody references may be collected before it fires),
/// so keep it in a <c>using</c> for the duration of the call.
/// </summary>
public sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    internal Deadline(TimeSpan timeout, CancellationToken cancellationToken, TimeProvider time)
    {
        _timer = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timer.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>True when the deadline, not the caller, ended the call.</summary>
    public bool Expired => _timer.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
