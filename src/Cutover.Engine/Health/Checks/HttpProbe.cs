using Cutover.Engine.Http;

namespace Cutover.Engine.Health.Checks;

/// <summary>A GET with its own deadline: the status and body, or why there was no answer.</summary>
internal static class HttpProbe
{
    public static async Task<(int? Status, string Body, string? Error)> GetAsync(Uri uri, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken,
        System.Net.Http.Headers.AuthenticationHeaderValue? authorization = null)
    {
        using var deadline = SharedHttpClients.Deadline(timeout, cancellationToken, time);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = authorization;
            using var response = await SharedHttpClients.For(uri).SendAsync(request, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, body, null);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "", e.InnerException is TimeoutException ? $"no connection: {e.InnerException.Message}" : $"no answer within {timeout.TotalSeconds:0.#}s");
        }
        catch (HttpRequestException e)
        {
            return (null, "", e.Message);
        }
    }
}
