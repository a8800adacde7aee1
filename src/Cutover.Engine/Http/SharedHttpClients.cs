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

    /// <summary>A token that ends at <paramref name="timeout"/> or when the caller's token does.</summary>
    public static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (time is null || time == TimeProvider.System)
            source.CancelAfter(timeout);
        else
            _ = time.CreateTimer(_ => source.Cancel(), null, timeout, Timeout.InfiniteTimeSpan);
        return source;
    }
}
