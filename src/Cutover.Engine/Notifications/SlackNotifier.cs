using Cutover.Engine.Http;
namespace Cutover.Engine.Notifications;

/// <summary>A Slack incoming webhook: a header and the facts (plan, event, versions, traffic, reason) as blocks.</summary>
public sealed class SlackNotifier : INotifier
{
    internal const string Field = "Notifications.Slack.WebhookUrl";
    private readonly SlackPlan _plan;
    private readonly ISecretResolver _secrets;
    private readonly Func<Uri, HttpClient> _clients;

    public SlackNotifier(SlackPlan plan, ISecretResolver secrets, Func<Uri, HttpClient>? clients = null)
    {
        _clients = clients ?? SharedHttpClients.For;
        _plan = plan;
        _secrets = secrets;
    }

    public NotificationChannel Channel => NotificationChannel.Slack;

    public async Task<string?> SendAsync(CutoverNotification notification, CancellationToken cancellationToken)
    {
        var webhook = ResolveWebhook();
        using var request = NotificationHttp.Json(HttpMethod.Post, webhook, Payload(notification));
        await NotificationHttp.SendAsync(_clients(request.RequestUri!), Channel, request, cancellationToken).ConfigureAwait(false);
        return "message posted to the webhook";
    }

    /// <summary>The body of the webhook call: a fallback text and Block Kit blocks.</summary>
    internal static object Payload(CutoverNotification notification) => new Dictionary<string, object>
    {
        ["text"] = NotificationText.Summary(notification),
        ["blocks"] = new object[]
        {
            new { type = "header", text = new { type = "plain_text", text = NotificationText.Truncate(NotificationText.Title(notification), 150) } },
            new
            {
                type = "section",
                fields = notification.Facts().Select(f => new { type = "mrkdwn", text = NotificationText.Truncate($"*{f.Key}*\n{f.Value}", 2000) }).ToArray(),
            },
            new { type = "context", elements = new[] { new { type = "mrkdwn", text = "Sent by Cutover" } } },
        },
    };

    public Task<CutoverNotificationReadiness> TestAsync(CancellationToken cancellationToken) =>
        Readiness.CheckAsync(Channel, _secrets, [(_plan.WebhookUrl, Field)],
            ct => EndpointProbe.CheckAsync("Slack webhook host", ResolveWebhook(), ct), cancellationToken);

    private Uri ResolveWebhook()
    {
        var text = _secrets.Resolve(_plan.WebhookUrl, Field);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new CutoverException(CutoverErrorIds.NotificationNotConfigured, CutoverErrorKind.InvalidArgument,
                $"{Field}: the resolved value is not an http(s) URL.", NotificationChannel.Slack,
                "Set the secret to the full incoming-webhook URL Slack gave you.");
    }
}
