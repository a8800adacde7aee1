using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NotificationRecorder.Channels;

namespace Fixtures.Tests.NotificationRecorder;

public sealed class IncidentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("recorder-tests").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (IncidentInput? Input, IReadOnlyList<string> Errors) Parse(string json, bool isCreate) =>
        IncidentInput.Parse(JsonDocument.Parse(json).RootElement, isCreate);

    [Fact]
    public void A_create_needs_a_name_and_known_status_and_impact()
    {
        var (input, errors) = Parse("""{"incident":{"name":"Cutover","status":"investigating","body":"b","impact_override":"minor"}}""", true);
        Assert.Empty(errors);
        Assert.Equal(new IncidentInput("Cutover", "investigating", "b", "minor"), input);

        (_, errors) = Parse("""{"incident":{"status":"broken","impact_override":"huge","body":7}}""", true);
        Assert.Equal(4, errors.Count);
        Assert.Contains("Name can't be blank", errors);

        (_, errors) = Parse("""{"name":"no wrapper"}""", true);
        Assert.Equal(["incident is missing or not an object"], errors);
    }

    [Fact]
    public void An_update_may_omit_everything()
    {
        var (input, errors) = Parse("""{"incident":{}}""", false);

        Assert.Empty(errors);
        Assert.Equal(new IncidentInput(null, null, null, null), input);
    }

    [Fact]
    public void Incidents_move_through_statuses_and_survive_a_restart()
    {
        var file = Path.Combine(_folder, "incidents.json");
        var store = new IncidentStore(file, _time);
        var created = store.Create("page1", new IncidentInput("Cutover", null, "shifting traffic", "minor"));
        _time.Advance(TimeSpan.FromMinutes(5));

        var resolved = store.Update("page1", created.Id, new IncidentInput(null, "resolved", "done", null))!;

        Assert.Equal("investigating", created.Status);
        Assert.Equal("minor", created.Impact);
        Assert.Equal("resolved", resolved.Status);
        Assert.Equal(_time.GetUtcNow(), resolved.ResolvedAt);
        Assert.Equal(["investigating", "resolved"], resolved.IncidentUpdates.Select(u => u.Status));
        Assert.Empty(store.Unresolved("page1"));
        Assert.Null(store.Update("other-page", created.Id, new IncidentInput(null, "monitoring", null, null)));

        var reopened = new IncidentStore(file, _time);
        var again = reopened.Update("page1", created.Id, new IncidentInput(null, "monitoring", null, null))!;
        Assert.Equal("Cutover", again.Name);
        Assert.Null(again.ResolvedAt);
        Assert.Equal([created.Id], reopened.Unresolved("page1").Select(i => i.Id));
    }
}
