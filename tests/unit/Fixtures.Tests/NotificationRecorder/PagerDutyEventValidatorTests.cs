using System.Text.Json;
using NotificationRecorder.Channels;

namespace Fixtures.Tests.NotificationRecorder;

public class PagerDutyEventValidatorTests
{
    private static IReadOnlyList<string> Validate(string json) => PagerDutyEventValidator.Validate(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void A_complete_trigger_is_valid()
    {
        Assert.Empty(Validate("""
            {"routing_key":"R0123456789abcdef0123456789abcde","event_action":"trigger","dedup_key":"cutover-1",
             "payload":{"summary":"Rollback","source":"cutover","severity":"critical","timestamp":"2026-01-01T10:00:00Z",
                        "custom_details":{"stage":"50%"}}}
            """));
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("resolve")]
    public void Acknowledge_and_resolve_need_only_a_dedup_key(string action)
    {
        Assert.Empty(Validate($$"""{"routing_key":"k","event_action":"{{action}}","dedup_key":"cutover-1"}"""));
        Assert.Equal([$"'dedup_key' is required for event_action '{action}'"],
            Validate($$"""{"routing_key":"k","event_action":"{{action}}"}"""));
    }

    [Fact]
    public void A_trigger_lists_every_missing_payload_field()
    {
        var errors = Validate("""{"routing_key":"k","event_action":"trigger","payload":{"summary":" ","severity":"fatal"}}""");

        Assert.Equal([
            "'payload.summary' is missing or blank",
            "'payload.source' is missing or blank",
            "'payload.severity' must be one of critical, error, warning, info",
        ], errors);
    }

    [Theory]
    [InlineData("""{"event_action":"trigger","payload":{"summary":"s","source":"s","severity":"info"}}""", "'routing_key' is missing or blank")]
    [InlineData("""{"routing_key":"","event_action":"resolve","dedup_key":"d"}""", "'routing_key' is missing or blank")]
    [InlineData("""{"routing_key":"k","event_action":"escalate"}""", "'event_action' must be one of trigger, acknowledge, resolve")]
    [InlineData("""{"routing_key":"k","event_action":"trigger"}""", "'payload' is missing or not an object")]
    [InlineData("""{"routing_key":"k","event_action":"trigger","payload":{"summary":"s","source":"s","severity":"info","timestamp":"yesterday"}}""", "'payload.timestamp' must be an ISO 8601 date-time")]
    [InlineData("""[1,2]""", "Event object is invalid: expected a JSON object")]
    public void Invalid_events_say_why(string json, string expected)
    {
        Assert.Contains(expected, Validate(json));
    }
}
