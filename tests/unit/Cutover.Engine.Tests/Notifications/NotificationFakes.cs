using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Cutover.Engine.Tests.Notifications;

/// <summary>An HTTP handler that records requests and answers from a queue of (status, body).</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(HttpStatusCode Status, string Body)> _answers = new();

    public List<(HttpMethod Method, Uri Uri, string? Authorization, JsonNode? Body)> Requests { get; } = [];

    public RecordingHandler Answer(HttpStatusCode status, string body = "{}")
    {
        _answers.Enqueue((status, body));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
            Requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), text is null ? null : JsonNode.Parse(text)));
        var (status, body) = _answers.TryDequeue(out var answer) ? answer : (HttpStatusCode.OK, "{}");
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    public Func<Uri, HttpClient> Clients => _ => new HttpClient(this, disposeHandler: false);
}

internal sealed class FixedSecrets(Dictionary<string, string> values) : ISecretResolver
{
    public string Resolve(SecretReference reference, string field) =>
        values.TryGetValue(field, out var value) ? value
            : throw new CutoverException(CutoverErrorIds.SecretUnresolved, CutoverErrorKind.InvalidArgument, $"{field}: not set", field);
}

internal sealed class ListHost : ICutoverHost
{
    public ConcurrentQueue<CutoverException> Errors { get; } = new();
    public ConcurrentQueue<string> Messages { get; } = new();
    public void WriteObject(object value) { }
    public void WriteVerbose(string message) => Messages.Enqueue(message);
    public void WriteDebug(string message) => Messages.Enqueue(message);
    public void WriteWarning(string message) => Messages.Enqueue(message);
    public void WriteInformation(string message, params string[] tags) => Messages.Enqueue(message);
    public void WriteProgress(CutoverProgress progress) { }
    public void WriteError(CutoverException error) => Errors.Enqueue(error);
}

internal static class Sample
{
    public static CutoverNotification Event(CutoverNotificationEvent e, string message = "error ratio 0.12 > 0.10 for 30s") => new()
    {
        Plan = "orchestrator-2.1.0",
        Event = e,
        RunId = "run-1",
        Message = message,
        BlueVersion = "2.1.0",
        GreenVersion = "2.0.5",
        BluePercent = 50,
        GreenPercent = 50,
        OccurredAt = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero),
    };
}
