using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cutover.Engine.Health.Evaluation;

namespace Cutover.Engine.Health.Checks;

/// <summary>Reads the RabbitMQ management API with basic auth: the overview and each configured queue.</summary>
internal sealed class RabbitMqManagement(RabbitMqPlan plan, string password, TimeSpan timeout, TimeProvider time)
{
    private readonly AuthenticationHeaderValue _auth = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{plan.Username}:{password}")));

    /// <summary>The vhost from the AMQP URI's path ("/" when none).</summary>
    public string VirtualHost => plan.AmqpUri.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";

    /// <summary>The broker's RabbitMQ version from /api/overview; throws <see cref="HttpRequestException"/> when unreadable.</summary>
    public async Task<string> GetVersionAsync(CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync("api/overview", cancellationToken).ConfigureAwait(false)
            ?? throw new HttpRequestException("the management API has no overview");
        return document.RootElement.TryGetProperty("rabbitmq_version", out var v) ? v.GetString() ?? "?" : "?";
    }

    public async Task<QueueState> GetQueueAsync(string name, CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync($"api/queues/{Uri.EscapeDataString(VirtualHost)}/{Uri.EscapeDataString(name)}", cancellationToken).ConfigureAwait(false);
        if (document is null)
            return new QueueState(name, null, null);
        var root = document.RootElement;
        static double? Rate(JsonElement root, string detail) =>
            root.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty(detail, out var d) && d.TryGetProperty("rate", out var r) ? r.GetDouble() : null;
        return new QueueState(name,
            root.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0,
            root.TryGetProperty("consumers", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : 0,
            Rate(root, "publish_details"), Rate(root, "deliver_get_details"));
    }

    /// <summary>Every queue of the vhost.</summary>
    public async Task<IReadOnlyList<QueueState>> GetQueuesAsync(CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync($"api/queues/{Uri.EscapeDataString(VirtualHost)}", cancellationToken).ConfigureAwait(false)
            ?? throw new HttpRequestException("the management API does not know the vhost");
        return document.RootElement.EnumerateArray().Select(q => new QueueState(
            q.GetProperty("name").GetString() ?? "",
            q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0,
            q.TryGetProperty("consumers", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : 0)).ToList();
    }

    /// <summary>The parsed body; null for 404; throws <see cref="HttpRequestException"/> for anything else that is not 200.</summary>
    private async Task<JsonDocument?> GetJsonAsync(string relative, CancellationToken cancellationToken)
    {
        var baseUrl = plan.ManagementUrl.AbsoluteUri.TrimEnd('/') + "/";
        var (status, body, error) = await HttpProbe.GetAsync(new Uri(new Uri(baseUrl), relative), timeout, time, cancellationToken, _auth).ConfigureAwait(false);
        return status switch
        {
            null => throw new HttpRequestException($"management API {plan.ManagementUrl}: {error}"),
            404 => null,
            200 => JsonDocument.Parse(body),
            _ => throw new HttpRequestException($"management API {plan.ManagementUrl} answered HTTP {status}"),
        };
    }
}
