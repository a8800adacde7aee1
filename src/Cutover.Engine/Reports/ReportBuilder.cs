using System.Collections;
using System.Globalization;

namespace Cutover.Engine.Reports;

/// <summary>Builds the report of one run from its journal entries; every text passes through the redactor here.</summary>
public sealed class ReportBuilder
{
    private readonly SecretRedactor _redactor;

    public ReportBuilder(SecretRedactor? redactor = null) => _redactor = redactor ?? SecretRedactor.Global;

    public CutoverReportModel Build(CutoverPlan plan, string runId, IReadOnlyList<CutoverJournalEntry> entries)
    {
        var ordered = entries.OrderBy(e => e.Sequence).ToList();
        DateTimeOffset? from = ordered.Count == 0 ? null : ordered.Min(e => e.Time);
        DateTimeOffset? to = ordered.Count == 0 ? null : ordered.Max(e => e.Time);
        var ended = ordered.LastOrDefault(e => e.Kind == JournalEntryKind.RunEnded);
        var header = new ReportHeader(
            Text(plan.Name), Text(runId),
            Text(plan.Environments.Blue.ExpectedVersion), Text(plan.Environments.Green.ExpectedVersion),
            plan.Traffic.Provider.ToString(),
            ended is null ? (ordered.Count == 0 ? "Unknown (the journal is empty)" : "Unknown (no RunEnded entry: running, or interrupted)")
                : Text(ended.Status ?? "Unknown (RunEnded without a status)"),
            from, ended?.Time, ended is null || from is null ? null : ended.Time - from.Value);

        return new CutoverReportModel(header, Steps(ordered), WeightChanges(ordered),
            Events(ordered, JournalEntryKind.Trigger, TriggerDetail), Events(ordered, JournalEntryKind.Decision, DataDetail),
            Events(ordered, JournalEntryKind.Notification, DataDetail), Events(ordered, JournalEntryKind.Rollback, DataDetail),
            Events(ordered, JournalEntryKind.Note, DataDetail), Charts(ordered), from, to);
    }

    private List<ReportStep> Steps(List<CutoverJournalEntry> entries) =>
        entries.Where(e => e.Kind == JournalEntryKind.Step)
            .GroupBy(e => e.Name, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var last = g.Last();
                var duration = Number(last.Data, JournalDataKeys.DurationSec) is { } sec && sec >= 0 ? TimeSpan.FromSeconds(sec)
                    : g.Count() > 1 ? last.Time - first.Time : (TimeSpan?)null;
                var message = g.Select(e => e.Message).LastOrDefault(m => !string.IsNullOrEmpty(m));
                return new ReportStep(first.Time, Text(g.Key), Text(last.Status ?? ""), duration, Text(message));
            })
            .OrderBy(s => s.Time)
            .ToList();

    private List<ReportWeightChange> WeightChanges(List<CutoverJournalEntry> entries) =>
        entries.Where(e => e.Kind == JournalEntryKind.WeightChange)
            .Select(e => new ReportWeightChange(e.Time, Text(e.Name), Number(e.Data, JournalDataKeys.Blue), Number(e.Data, JournalDataKeys.Green),
                Text(e.Status), Text(e.Message)))
            .ToList();

    private List<ReportEvent> Events(List<CutoverJournalEntry> entries, JournalEntryKind kind, Func<CutoverJournalEntry, string> detail) =>
        entries.Where(e => e.Kind == kind)
            .Select(e => new ReportEvent(e.Time, Text(kind == JournalEntryKind.Trigger ? String(e.Data, JournalDataKeys.Name) ?? e.Name : e.Name),
                Text(e.Status), Text(e.Message), Text(detail(e))))
            .ToList();

    private static string TriggerDetail(CutoverJournalEntry e)
    {
        var condition = String(e.Data, JournalDataKeys.Condition);
        var environment = String(e.Data, JournalDataKeys.Environment);
        return string.Join("; ", new[] { condition is null ? null : "condition: " + condition, environment is null ? null : "environment: " + environment }
            .Where(s => s is not null));
    }

    /// <summary>The entry's scalar facts as "key=value, …"; nested tables are left to Get-CutoverJournal.</summary>
    private static string DataDetail(CutoverJournalEntry e) =>
        string.Join(", ", e.Data.Where(p => p.Value is not IDictionary)
            .Select(p => p.Key + "=" + (p.Value is IEnumerable list and not string ? string.Join("/", list.Cast<object?>().Select(Scalar)) : Scalar(p.Value))));

    private List<ReportChart> Charts(List<CutoverJournalEntry> entries)
    {
        var samples = entries.Where(e => e.Kind == JournalEntryKind.Sample)
            .Select(e => (Entry: e, Environment: EnvironmentOf(e)))
            .Where(s => s.Environment is not null)
            .ToList();
        return
        [
            Chart(ReportMetric.ErrorRatio, "Error ratio", "ratio", JournalDataKeys.ErrorRatio),
            Chart(ReportMetric.P95Ms, "P95 latency", "ms", JournalDataKeys.P95Ms),
            Chart(ReportMetric.RequestRate, "Request rate", "req/s", JournalDataKeys.RequestRate),
        ];

        ReportChart Chart(ReportMetric metric, string title, string unit, string key) => new(metric, title, unit,
            [.. new[] { CutoverEnvironment.Blue, CutoverEnvironment.Green }.Select(env => new ReportSeries(env,
                samples.Where(s => s.Environment == env).Select(s => new ReportPoint(s.Entry.Time, Number(s.Entry.Data, key))).ToList()))]);
    }

    private static CutoverEnvironment? EnvironmentOf(CutoverJournalEntry e) =>
        Enum.TryParse<CutoverEnvironment>(String(e.Data, JournalDataKeys.Environment) ?? e.Name, ignoreCase: true, out var env)
        && Enum.IsDefined(env) ? env : null;

    /// <summary>A finite number, or null (Unknown) for a missing, null, non-numeric or non-finite value.</summary>
    private static double? Number(IReadOnlyDictionary<string, object?> data, string key)
    {
        var value = Lookup(data, key) switch
        {
            long l => l,
            int i => i,
            double d => d,
            float f => f,
            decimal m => (double)m,
            _ => (double?)null,
        };
        return value is { } v && double.IsFinite(v) ? v : null;
    }

    private static string? String(IReadOnlyDictionary<string, object?> data, string key) =>
        Lookup(data, key) is { } v and not IDictionary ? Scalar(v) : null;

    private static object? Lookup(IReadOnlyDictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out var v) ? v : data.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        double d => ReportFormat.Number(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private string Text(string? text) => _redactor.Redact(text);
}
