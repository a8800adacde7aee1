using System.Text.Json;
using Cutover.Engine.Http;

namespace Cutover.Engine.Watch;

/// <summary>
/// GETs an environment's health path: Pass for HTTP 200 with status "ok"; Fail for another answer, no
/// answer or a timeout (a crashed app does not answer). The value is the HTTP status code.
/// </summary>
public sealed class AppHealthProbe(TimeProvider time, TimeSpan timeout)
{
    public async Task<AppHealth> ProbeAsync(EnvironmentPlan environment, CancellationToken cancellationToken)
    {
        var uri = new Uri(environment.AppUrl, environment.HealthPath);
        using var deadline = SharedHttpClients.Deadline(timeout, cancellationToken, time);
        try
        {
            using var response = await SharedHttpClients.For(uri).GetAsync(uri, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            var (status, version) = Parse(body);
            var code = (int)response.StatusCode;
            var ok = code == 200 && status == "ok";
            var why = $"{uri.AbsoluteUri} answered HTTP {code}, status {status ?? "(none)"}, version {version ?? "(none)"}";
            return new AppHealth(new JudgedValue(code, ok ? HealthStatus.Pass : HealthStatus.Fail, why), version);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Down($"{uri.AbsoluteUri} did not answer within {timeout.TotalSeconds:0.#}s");
        }
        catch (HttpRequestException e)
        {
            return Down($"{uri.AbsoluteUri} does not answer: {e.Message}");
        }
    }

    private static AppHealth Down(string why) => new(new JudgedValue(null, HealthStatus.Fail, why), null);

    private static (string? Status, string? Version) Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? (null, null) : (Text(root, "status"), Text(root, "version"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The health endpoint's judgement and the version it reported.</summary>
public sealed record AppHealth(JudgedValue Health, string? Version);
