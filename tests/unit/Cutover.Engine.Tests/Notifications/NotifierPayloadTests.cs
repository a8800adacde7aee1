using System.Net;
using Cutover.Engine.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.Notifications;

public sealed class NotifierPayloadTests
{
    private const string Key = "routing-key-0123456789abcdef";
    private const string Hook = "https://hooks.slack.test/services/T0/B0/secret-token-xyz";
    private const string Token = "statuspage-token-123456";

    private static readonly FixedSecrets Secrets = new(new()
    {
        ["Notifications.PagerDuty.RoutingKey"] = Key,
        ["Notifications.Slack.WebhookUrl"] = Hook,
        ["Notifications.Statuspage.Token"] = Token,
    });

    [Fact]
    public async Task PagerDuty_triggers_and_resolves_with_one_dedup_key()
    {
        var handler = new RecordingHandler().Answer(HttpStatusCode.Accepted, """{"status":"success"}""").Answer(HttpStatusCode.Accepted, """{"status":"success"}""");
        var notifier = new PagerDutyNotifier(new PagerDutyPlan { RoutingKey = SecretReference.FromEnvironment("X"), EventsUrl = new Uri("https://pd.test/v2/enqueue") }, Secrets, handler.Clients);
        await notifier.SendAsync(Sample.Event(CutoverNotificationEvent.RollbackStarted), CancellationToken.None);
        await notifier.SendAsync(Sample.Event(CutoverNotificationEvent.RollbackCompleted), CancellationToken.None);
        Assert.Null(await notifier.SendAsync(Sample.Event(CutoverNotificationEvent.StageCompleted), CancellationToken.None));
        Assert.Equal(2, handler.Requests.Count);
        var (trigger, resolve) = (handler.Requests[0].Body!, handler.Requests[1].Body!);
        Assert.Equal("trigger", (string?)trigger["event_action"]);
        Assert.Equal(Key, (string?)trigger["routing_key"]);
        Assert.Equal("critical", (string?)trigger["payload"]!["severity"]);
        Assert.Equal("cutover/orchestrator-2.1.0", (string?)trigger["payload"]!["source"]);
        Assert.Contains("error ratio", (string?)trigger["payload"]!["summary"]);
        Assert.Equal("blue 2.1.0 / green 2.0.5", (string?)trigger["payload"]!["custom_details"]!["Versions"]);
        Assert.Equal("resolve", (string?)resolve["event_action"]);
        Assert.Equal((string?)trigger["dedup_key"], (string?)resolve["dedup_key"]);
        Assert.Null(resolve["payload"]);
    }

    [Fact]
    public async Task Slack_posts_blocks_with_the_facts_and_names_no_url_on_failure()
    {
        var handler = new RecordingHandler().Answer(HttpStatusCode.OK, "ok").Answer(HttpStatusCode.BadRequest, "invalid_payload");
        var notifier = new SlackNotifier(new SlackPlan { WebhookUrl = SecretReference.FromEnvironment("X") }, Secrets, handler.Clients);
        await notifier.SendAsync(Sample.Event(CutoverNotificationEvent.RollbackStarted), CancellationToken.None);
        var body = handler.Requests[0].Body!;
        Assert.Equal(Hook, handler.Requests[0].Uri.ToString());
        Assert.Equal("header", (string?)body["blocks"]![0]!["type"]);
        var fields = body["blocks"]![1]!["fields"]!.AsArray().Select(f => (string)f!["text"]!).ToList();
        foreach (var label in new[] { "*Plan*", "*Event*", "*Versions*", "*Traffic*", "*Reason*" })
            Assert.Contains(fields, f => f.StartsWith(label));
        Assert.Contains(fields, f => f.Contains("blue 50% / green 50%"));
        var error = await Assert.ThrowsAsync<CutoverException>(() => notifier.SendAsync(Sample.Event(CutoverNotificationEvent.Started), CancellationToken.None));
        Assert.False(error.IsTransient);
        Assert.DoesNotContain("secret-token", error.Message);
        Assert.DoesNotContain("hooks.slack.test", error.Message);
    }

    [Fact]
    public async Task Statuspage_creates_then_updates_then_resolves_the_same_incident()
    {
        var state = Directory.CreateTempSubdirectory("cutover-sp-").FullName;
        try
        {
            var handler = new RecordingHandler()
                .Answer(HttpStatusCode.OK, "[]")
                .Answer(HttpStatusCode.Created, """{"id":"inc1","status":"identified"}""")
                .Answer(HttpStatusCode.OK, """{"id":"inc1","status":"resolved"}""");
            var plan = new StatuspagePlan { PageId = "page1", Token = SecretReference.FromEnvironment("X"), ApiUrl = new Uri("https://sp.test/v1") };
            var notifier = new StatuspageNotifier(plan, Secrets, new NotificationState(state, "orchestrator-2.1.0", new FakeTimeProvider()), handler.Clients);
            await notifier.SendAsync(Sample.Event(CutoverNotificationEvent.RollbackStarted), CancellationToken.None);
            // a fresh notifier (another process) finds the incident through the state
            var fresh = new StatuspageNotifier(plan, Secrets, new NotificationState(state, "orchestrator-2.1.0", new FakeTimeProvider()), handler.Clients);
            await fresh.SendAsync(Sample.Event(CutoverNotificationEvent.RollbackCompleted), CancellationToken.None);
            Assert.Equal(["GET", "POST", "PATCH"], handler.Requests.Select(r => r.Method.Method));
            Assert.EndsWith("/pages/page1/incidents/unresolved", handler.Requests[0].Uri.AbsolutePath);
            Assert.Equal("OAuth " + Token, handler.Requests[1].Authorization);
            Assert.Equal("Maintenance: orchestrator-2.1.0 (run run-1)", (string?)handler.Requests[1].Body!["incident"]!["name"]);
            Assert.EndsWith("/incidents/inc1", handler.Requests[2].Uri.AbsolutePath);
            Assert.Equal("resolved", (string?)handler.Requests[2].Body!["incident"]!["status"]);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
