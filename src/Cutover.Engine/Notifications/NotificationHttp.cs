using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cutover.Engine.Notifications;

/// <summary>
/// One HTTP exchange with a notification service: the answer's status decides between success, a
/// transient failure (connection, 408, 429, 5xx) and a permanent one. Messages name the channel, never
/// the URL (a Slack webhook URL is itself the secret).
/// </summary>
internal static class NotificationHttp
{
    public static async Task<JsonNode?> SendAsync(HttpClient client, NotificationChannel channel, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CutoverException(CutoverErrorIds.NotificationFailed, CutoverErrorKind.ConnectionError,
                $"cannot reach {channel}: {Describe(e)}", channel, isTransient: true);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return Parse(text);
            var transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500;
            throw new CutoverException(CutoverErrorIds.NotificationFailed,
                status is 401 or 403 ? CutoverErrorKind.PermissionDenied : CutoverErrorKind.ProtocolError,
                $"{channel} answered {status} {response.ReasonPhrase}: {Shorten(text)}", channel, isTransient: transient);
        }
    }

    public static HttpRequestMessage Json(HttpMethod method, Uri uri, object body) =>
        new(method, uri) { Content = JsonContent.Create(body, options: JsonOptions) };

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The socket-level reason, without any URL.</summary>
    public static string Describe(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.Unknown ? e.InnerException?.Message ?? e.Message : $"{e.HttpRequestError} ({e.InnerException?.Message ?? e.Message})";

    private static JsonNode? Parse(string text)
    {
        if (text.Length == 0)
            return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
