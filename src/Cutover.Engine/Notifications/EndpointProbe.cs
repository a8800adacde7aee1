using System.Net.Security;
using System.Net.Sockets;

namespace Cutover.Engine.Notifications;

/// <summary>
/// Reachability without side effects: a TCP connect, and for https a TLS handshake with certificate
/// validation. No HTTP request is made, so nothing can be created (PagerDuty and Slack act on any POST).
/// </summary>
internal static class EndpointProbe
{
    /// <summary>What was reached ("TCP connect" or "TLS handshake (Tls13)"); throws on failure.</summary>
    public static async Task<string> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken).ConfigureAwait(false);
        if (!endpoint.Scheme.Equals(Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
            return "TCP connect succeeded";
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = endpoint.Host }, cancellationToken).ConfigureAwait(false);
        return $"TLS handshake succeeded ({tls.SslProtocol})";
    }

    /// <summary>Readiness from a connect attempt: refused or bad TLS is Fail, no answer in time is Unknown.</summary>
    public static async Task<(ReadinessStatus, string)> CheckAsync(string what, Uri endpoint, CancellationToken cancellationToken)
    {
        try
        {
            var reached = await ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return (ReadinessStatus.Pass, $"{what} reachable: {reached}; no request sent");
        }
        catch (SocketException e)
        {
            return (ReadinessStatus.Fail, $"{what} unreachable: {e.SocketErrorCode} ({e.Message})");
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            return (ReadinessStatus.Fail, $"{what}: TLS handshake failed ({e.Message})");
        }
        catch (IOException e)
        {
            return (ReadinessStatus.Unknown, $"{what}: connection broke during the check ({e.Message})");
        }
    }
}
