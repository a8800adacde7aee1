using Cutover.Engine.Journal;
using Cutover.Engine.Tests.Plans;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.Journal;

public sealed class JournalTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "cutover-journal-" + Guid.NewGuid().ToString("N"));
    private readonly CutoverPlan _plan;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    public JournalTests()
    {
        var tree = PlanTrees.Valid();
        tree["State"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["Path"] = _state };
        _plan = PlanTrees.Read(tree).Plan!;
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
            Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public void Entries_round_trip_with_their_data_and_sequence()
    {
        var runId = CutoverRunId.Create(_time);
        using (var writer = JournalWriter.Open(_plan, runId, _time))
        {
            writer.Append(JournalEntryKind.RunStarted, "Run", "Started");
            _time.Advance(TimeSpan.FromSeconds(3));
            writer.Append(JournalEntryKind.WeightChange, "Stage 1", "Verified", "blue 0% -> 50%",
                new Dictionary<string, object?> { ["Blue"] = 50, ["Green"] = 50, ["Targets"] = new[] { "blue", "green" } });
        }

        var entries = JournalReader.Read(_plan, null);

        Assert.Equal([1L, 2L], entries.Select(e => e.Sequence));
        var change = entries[1];
        Assert.Equal(JournalEntryKind.WeightChange, change.Kind);
        Assert.Equal(runId, change.RunId);
        Assert.Equal(_time.GetUtcNow(), change.Time);
        Assert.Equal(50L, Assert.IsType<long>(change.Data["blue"]));
        Assert.Equal(["blue", "green"], ((List<object?>)change.Data["Targets"]!).Cast<string>());
        Assert.Equal(_plan.Name, change.Plan);
    }

    [Fact]
    public void A_fresh_writer_continues_the_sequence_and_becomes_the_current_run()
    {
        var first = CutoverRunId.Create(_time);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = CutoverRunId.Create(_time);
        using (var w = JournalWriter.Open(_plan, first, _time))
            w.Append(JournalEntryKind.RunStarted, "Run");
        using (var w = JournalWriter.Open(_plan, second, _time))
            w.Append(JournalEntryKind.RunStarted, "Run");
        using (var w = JournalWriter.Open(_plan, first, _time))
            w.Append(JournalEntryKind.Rollback, "Rollback", "Verified");

        Assert.Equal(first, new JournalPaths(_plan).CurrentRunId());
        Assert.Equal([1L, 2L], JournalReader.Read(_plan, first).Select(e => e.Sequence));
        Assert.Equal(2, JournalReader.ListRuns(_plan).Count);
    }

    [Fact]
    public void A_line_torn_by_a_killed_process_is_skipped()
    {
        var runId = CutoverRunId.Create(_time);
        string path;
        using (var writer = JournalWriter.Open(_plan, runId, _time))
        {
            writer.Append(JournalEntryKind.Step, "Health", "Passed");
            path = writer.Path;
        }
        File.AppendAllText(path, "{\"runId\":\"" + runId + "\",\"seq");

        var entries = JournalReader.Read(_plan, runId);

        Assert.Single(entries);
    }

    [Fact]
    public void Secrets_never_reach_the_file()
    {
        var redactor = new SecretRedactor();
        redactor.Register("s3cr3t-routing-key");
        var runId = CutoverRunId.Create(_time);
        using (var writer = JournalWriter.Open(_plan, runId, _time, redactor))
            writer.Append(JournalEntryKind.Notification, "PagerDuty", "Failed", "key s3cr3t-routing-key refused",
                new Dictionary<string, object?> { ["Key"] = "s3cr3t-routing-key" });

        var text = File.ReadAllText(new JournalPaths(_plan).ForRun(runId));

        Assert.DoesNotContain("s3cr3t-routing-key", text);
        Assert.Contains(SecretRedactor.Mask, text);
    }

    [Fact]
    public void A_missing_journal_is_a_clear_error()
    {
        var error = Assert.Throws<CutoverException>(() => JournalReader.Read(_plan, null));
        Assert.Equal(CutoverErrorIds.JournalNotFound, error.ErrorId);
    }

    [Theory]
    [InlineData("20261128T101500Z-3fa9c1", true)]
    [InlineData("20261128T101500Z-3fa9c", false)]
    [InlineData("../../etc/passwd-xxxxxxx", false)]
    public void Run_ids_are_validated(string runId, bool valid) => Assert.Equal(valid, CutoverRunId.IsValid(runId));
}
