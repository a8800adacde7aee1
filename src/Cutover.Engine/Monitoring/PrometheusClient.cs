using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Cutover.Engine.Http;

namespace Cutover.Engine.Monitoring;

/// <summary>
/// Reads Prometheus's HTTP API. Nothing here throws for an unreadable value: an empty result, NaN, an
/// infinity, more than one series, an HTTP or transport error and a timeout all come back Unknown with
/// the reason. Only the caller's own cancellation propagates.
/// </summary>
public sealed class PrometheusClient : IMetricSource
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Uri _baseUrl;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public PrometheusClient(Uri baseUrl, TimeProvider time, TimeSpan? timeout = null, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _timeout = timeout ?? DefaultTimeout;
        _http = http ?? SharedHttpClients.For(baseUrl);
    }

    public Uri BaseUrl => _baseUrl;

    public async Task<MetricSample> QueryScalarAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var read = await GetDataAsync("api/v1/query?query=" + Uri.EscapeDataString(query), cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (read.Data is not { } data)
            return MetricSample.Unknown(query, read.Reason!, now);
        var type = data.TryGetProperty("resultType", out var t) ? t.GetString() : null;
        if (!data.TryGetProperty("result", out var result))
            return MetricSample.Unknown(query, "the response has no result", now);
        JsonElement pair;
        switch (type)
        {
            case "scalar":
                pair = result;
                break;
            case "vector" when result.GetArrayLength() == 0:
                return MetricSample.Unknown(query, "no data (empty result)", now);
            case "vector" when result.GetArrayLength() > 1:
                return MetricSample.Unknown(query, $"{result.GetArrayLength()} series returned where one was expected; aggregate the query (sum, max)", now);
            case "vector":
                pair = result[0].GetProperty("value");
                break;
            default:
                return MetricSample.Unknown(query, $"unexpected result type '{type}'", now);
        }
        var (timestamp, value, problem) = ParsePoint(pair);
        return problem is null ? MetricSample.Known(query, value, timestamp) : MetricSample.Unknown(query, problem, now);
    }

    public async Task<MetricSeries> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        if (end <= start || step <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(end), "A range needs end after start and a positive step.");
        var path = "api/v1/query_range?query=" + Uri.EscapeDataString(query) +
            "&start=" + Unix(start) + "&end=" + Unix(end) +
            "&step=" + step.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var read = await GetDataAsync(path, cancellationToken).ConfigureAwait(false);
        MetricSeries Unknown(string reason) => new() { Query = query, Start = start, End = end, Step = step, UnknownReason = reason };
        if (read.Data is not { } data)
            return Unknown(read.Reason!);
        if (!data.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
            return Unknown("the response has no result");
        if (result.GetArrayLength() == 0)
            return Unknown("no data (empty result)");
        if (result.GetArrayLength() > 1)
            return Unknown($"{result.GetArrayLength()} series returned where one was expected; aggregate the query (sum, max)");
        var points = new List<MetricPoint>();
        foreach (var pair in result[0].GetProperty("values").EnumerateArray())
        {
            var (timestamp, value, problem) = ParsePoint(pair);
            if (problem is null)
                points.Add(new MetricPoint(timestamp, value));
        }
        return points.Count == 0 ? Unknown("every point is NaN or infinite")
            : new MetricSeries { Query = query, Start = start, End = end, Step = step, Points = points };
    }

    public async Task<PrometheusTargets> GetActiveTargetsAsync(CancellationToken cancellationToken)
    {
        var (targets, reason) = await ReadArrayAsync("api/v1/targets?state=active", "activeTargets", t => new PrometheusTarget(
            Label(t, "labels", "job") ?? "",
            Label(t, "labels", "instance") ?? "",
            Text(t, "health") ?? "unknown",
            Text(t, "scrapeUrl") ?? "",
            Text(t, "lastError") is { Length: > 0 } error ? error : null), cancellationToken).ConfigureAwait(false);
        return new PrometheusTargets(targets, reason);
    }

    public async Task<PrometheusRuleGroups> GetRuleGroupsAsync(CancellationToken cancellationToken)
    {
        var (groups, reason) = await ReadArrayAsync("api/v1/rules", "groups", g =>
        {
            var rules = g.TryGetProperty("rules", out var r) && r.ValueKind == JsonValueKind.Array ? r.EnumerateArray().ToList() : [];
            return new PrometheusRuleGroup(Text(g, "name") ?? "", Text(g, "file") ?? "", rules.Count, rules.Count(x => Text(x, "type") == "alerting"));
        }, cancellationToken).ConfigureAwait(false);
        return new PrometheusRuleGroups(groups, reason);
    }

    public async Task<PrometheusAlerts> GetAlertsAsync(CancellationToken cancellationToken)
    {
        var (alerts, reason) = await ReadArrayAsync("api/v1/alerts", "alerts", a =>
        {
            var labels = a.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Object
                ? l.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            DateTimeOffset? activeAt = Text(a, "activeAt") is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
            return new PrometheusAlert(labels.GetValueOrDefault("alertname", ""), Text(a, "state") ?? "", labels.GetValueOrDefault("severity"), labels, activeAt);
        }, cancellationToken).ConfigureAwait(false);
        return new PrometheusAlerts(alerts, reason);
    }

    private async Task<(IReadOnlyList<T> Items, string? Reason)> ReadArrayAsync<T>(string relative, string property, Func<JsonElement, T> map, CancellationToken cancellationToken)
    {
        var read = await GetDataAsync(relative, cancellationToken).ConfigureAwait(false);
        if (read.Data is not { } data)
            return ([], read.Reason);
        if (!data.TryGetProperty(property, out var items) || items.ValueKind != JsonValueKind.Array)
            return ([], $"the response has no {property}");
        return (items.EnumerateArray().Select(map).ToList(), null);
    }

    private async Task<(JsonElement? Data, string? Reason)> GetDataAsync(string relative, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUrl, relative);
        using var deadline = SharedHttpClients.Deadline(_timeout, cancellationToken, _time);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                return (null, $"Prometheus answered HTTP {(int)response.StatusCode} with a body that is not JSON");
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    return (null, $"Prometheus answered HTTP {(int)response.StatusCode} with unexpected JSON");
                if (Text(root, "status") != "success")
                    return (null, $"Prometheus answered HTTP {(int)response.StatusCode}: {Text(root, "errorType") ?? "error"}: {Text(root, "error") ?? "no detail"}");
                if (!response.IsSuccessStatusCode)
                    return (null, $"Prometheus answered HTTP {(int)response.StatusCode}");
                return root.TryGetProperty("data", out var data) ? (data.Clone(), null) : (null, "the response has no data");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"Prometheus did not answer within {_timeout.TotalSeconds:0.#}s ({_baseUrl.GetLeftPart(UriPartial.Authority)})");
        }
        catch (HttpRequestException e)
        {
            return (null, $"Prometheus unreachable at {_baseUrl.GetLeftPart(UriPartial.Authority)}: {e.Message}");
        }
    }

    private static (DateTimeOffset Timestamp, double Value, string? Problem) ParsePoint(JsonElement pair)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || !pair[0].TryGetDouble(out var seconds))
            return (default, 0, "a malformed sample");
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        var text = pair[1].GetString();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return (timestamp, 0, $"'{text}' is not a number");
        if (double.IsNaN(value))
            return (timestamp, 0, "the value is NaN (for a ratio: no requests in the window)");
        if (double.IsInfinity(value))
            return (timestamp, 0, $"the value is {(value > 0 ? "+Inf" : "-Inf")} (for a ratio: a zero denominator)");
        return (timestamp, value, null);
    }

    private static string Unix(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Label(JsonElement element, string container, string name) =>
        element.TryGetProperty(container, out var labels) ? Text(labels, name) : null;
}
