using Cutover.Engine.Http;
namespace Cutover.Engine.Notifications;

/// <summary>
/// PagerDuty Events API v2: a trigger on RollbackStarted and Failed, a resolve with the same dedup key
/// on RollbackCompleted and Completed; other events page nobody.
/// </summary>
public sealed class PagerDutyNotifier : INotifier
{
    internal const string Field = "Notifications.PagerDuty.RoutingKey";
    private readonly PagerDutyPlan _plan;
    private readonly ISecretResolver _secrets;
    private readonly Func<Uri, HttpClient> _clients;

    public PagerDutyNotifier(PagerDutyPlan plan, ISecretResolver secrets, Func<Uri, HttpClient>? clients = null)
    {
        _clients = clients ?? SharedHttpClients.For;
        _plan = plan;
        _secrets = secrets;
    }

    public NotificationChannel Channel => NotificationChannel.PagerDuty;

    public async Task<string?> SendAsync(CutoverNotification notification, CancellationToken cancellationToken)
    {
        var action = notification.Event switch
        {
            CutoverNotificationEvent.RollbackStarted or CutoverNotificationEvent.Failed => "trigger",
            CutoverNotificationEvent.RollbackCompleted or CutoverNotificationEvent.Completed => "resolve",
            _ => null,
        };
        if (action is null)
            return null;
        var dedupKey = DedupKey.For(notification.Plan, notification.RunId);
        var body = new Dictionary<string, object?>
        {
            ["routing_key"] = _secrets.Resolve(_plan.RoutingKey, Field),
            ["event_action"] = action,
            ["dedup_key"] = dedupKey,
        };
        if (action == "trigger")
        {
            body["payload"] = new Dictionary<string, object?>
            {
                ["summary"] = NotificationText.Truncate(NotificationText.Summary(notification), 1024),
                ["severity"] = "critical",
                ["source"] = $"cutover/{notification.Plan}",
                ["timestamp"] = notification.OccurredAt.ToUniversalTime().ToString("O"),
                ["component"] = notification.Plan,
                ["group"] = "cutover",
                ["class"] = notification.Event.ToString(),
                ["custom_details"] = notification.Facts().ToDictionary(f => f.Key, f => f.Value),
            };
        }
        using var request = NotificationHttp.Json(HttpMethod.Post, _plan.EventsUrl, body);
        var answer = await NotificationHttp.SendAsync(_clients(request.RequestUri!), Channel, request, cancellationToken).ConfigureAwait(false);
        var status = answer?["status"]?.ToString() ?? "no status";
        return $"{action} accepted ({status}), dedup key {dedupKey}";
    }

    public Task<CutoverNotificationReadiness> TestAsync(CancellationToken cancellationToken) =>
        Readiness.CheckAsync(Channel, _secrets, [(_plan.RoutingKey, Field)],
            ct => EndpointProbe.CheckAsync("PagerDuty Events API", _plan.EventsUrl, ct), cancellationToken);
}
