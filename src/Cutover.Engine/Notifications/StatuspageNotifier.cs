using System.Text.Json.Nodes;
using Cutover.Engine.Http;

namespace Cutover.Engine.Notifications;

/// <summary>
/// Statuspage: the first event of a run creates an incident, later ones update it, Completed and
/// RollbackCompleted resolve it. The incident is found again from a fresh process through the state
/// under the plan's State.Path, else by listing unresolved incidents and matching the run's name, so a
/// retried create never makes a second incident.
/// </summary>
public sealed class StatuspageNotifier : INotifier
{
    internal const string Field = "Notifications.Statuspage.Token";
    private readonly StatuspagePlan _plan;
    private readonly ISecretResolver _secrets;
    private readonly Func<Uri, HttpClient> _clients;
    private readonly NotificationState _state;

    public StatuspageNotifier(StatuspagePlan plan, ISecretResolver secrets, NotificationState state, Func<Uri, HttpClient>? clients = null)
    {
        _clients = clients ?? SharedHttpClients.For;
        _plan = plan;
        _secrets = secrets;
        _state = state;
    }

    public NotificationChannel Channel => NotificationChannel.Statuspage;

    /// <summary>The incident's name; it ends with the run id, which is how a fresh process finds it.</summary>
    public static string IncidentName(CutoverNotification n) => $"Maintenance: {n.Plan} (run {n.RunId})";

    public async Task<string?> SendAsync(CutoverNotification notification, CancellationToken cancellationToken)
    {
        var (status, impact) = notification.Event switch
        {
            CutoverNotificationEvent.Started => ("identified", "none"),
            CutoverNotificationEvent.StageCompleted => ("monitoring", (string?)null),
            CutoverNotificationEvent.RollbackStarted => ("identified", "minor"),
            CutoverNotificationEvent.Failed => ("investigating", "major"),
            _ => ("resolved", null),
        };
        var fields = new Dictionary<string, object?> { ["status"] = status, ["body"] = NotificationText.PublicBody(notification) };
        if (impact is not null)
            fields["impact_override"] = impact;

        var incidentId = _state.ReadIncidentId(notification.RunId) ?? await FindAsync(notification, cancellationToken).ConfigureAwait(false);
        if (incidentId is not null)
        {
            using var update = Request(HttpMethod.Patch, $"incidents/{Uri.EscapeDataString(incidentId)}", new { incident = fields });
            var updated = await NotificationHttp.SendAsync(_clients(update.RequestUri!), Channel, update, cancellationToken).ConfigureAwait(false);
            return $"incident {incidentId} updated to {updated?["status"] ?? status}";
        }
        fields["name"] = IncidentName(notification);
        using var create = Request(HttpMethod.Post, "incidents", new { incident = fields });
        var created = await NotificationHttp.SendAsync(_clients(create.RequestUri!), Channel, create, cancellationToken).ConfigureAwait(false);
        var id = created?["id"]?.GetValue<string>()
            ?? throw new CutoverException(CutoverErrorIds.NotificationFailed, CutoverErrorKind.ProtocolError,
                "Statuspage created an incident but its answer holds no id", Channel);
        _state.WriteIncidentId(notification.RunId, id);
        return $"incident {id} created as {created?["status"] ?? status}";
    }

    public Task<CutoverNotificationReadiness> TestAsync(CancellationToken cancellationToken) =>
        Readiness.CheckAsync(Channel, _secrets, [(_plan.Token, Field)], ReadPageAsync, cancellationToken);

    private async Task<(ReadinessStatus, string)> ReadPageAsync(CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "", null);
        try
        {
            var page = await NotificationHttp.SendAsync(_clients(request.RequestUri!), Channel, request, cancellationToken).ConfigureAwait(false);
            return page?["id"]?.ToString() == _plan.PageId
                ? (ReadinessStatus.Pass, $"page {_plan.PageId} readable ('{page["name"]}')")
                : (ReadinessStatus.Unknown, $"GET /pages/{_plan.PageId} answered without that page's id");
        }
        catch (CutoverException e) when (!e.IsTransient)
        {
            return (ReadinessStatus.Fail, $"cannot read page {_plan.PageId}: {e.Message}");
        }
    }

    /// <summary>The run's unresolved incident, by name.</summary>
    private async Task<string?> FindAsync(CutoverNotification notification, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "incidents/unresolved", null);
        var incidents = await NotificationHttp.SendAsync(_clients(request.RequestUri!), Channel, request, cancellationToken).ConfigureAwait(false) as JsonArray;
        var name = IncidentName(notification);
        var id = incidents?.FirstOrDefault(i => i?["name"]?.ToString() == name)?["id"]?.ToString();
        if (id is not null)
            _state.WriteIncidentId(notification.RunId, id);
        return id;
    }

    private HttpRequestMessage Request(HttpMethod method, string relative, object? body)
    {
        var baseUri = _plan.ApiUrl.ToString().TrimEnd('/') + "/pages/" + Uri.EscapeDataString(_plan.PageId) + (relative.Length > 0 ? "/" + relative : "");
        var request = body is null ? new HttpRequestMessage(method, baseUri) : NotificationHttp.Json(method, new Uri(baseUri), body);
        request.Headers.TryAddWithoutValidation("Authorization", "OAuth " + _secrets.Resolve(_plan.Token, Field));
        return request;
    }
}
