using System.Globalization;

namespace Cutover.Engine.Monitoring;

/// <summary>
/// Renders the plan's PromQL templates: <c>{selector}</c> becomes the environment's label matchers,
/// <c>{window}</c> the range window (<c>"60s"</c>) and <c>{quantile}</c> the quantile (<c>0.95</c>).
/// </summary>
public static class PromQlTemplate
{
    public const string SelectorPlaceholder = "{selector}";
    public const string WindowPlaceholder = "{window}";
    public const string QuantilePlaceholder = "{quantile}";

    /// <summary>
    /// The range window: the requested one, but never shorter than four scrape intervals (a rate over
    /// fewer samples is noise), rounded up to whole seconds.
    /// </summary>
    public static TimeSpan Window(MonitoringPlan monitoring, TimeSpan? requested = null)
    {
        var minimum = TimeSpan.FromSeconds(4 * Math.Max(1, monitoring.ScrapeIntervalSec));
        var window = requested is { } r && r > minimum ? r : minimum;
        return TimeSpan.FromSeconds(Math.Ceiling(window.TotalSeconds));
    }

    /// <summary>A window as PromQL writes it: whole seconds, <c>"60s"</c>.</summary>
    public static string FormatWindow(TimeSpan window) =>
        ((long)Math.Ceiling(window.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";

    public static string Render(string template, string selector, TimeSpan window, double? quantile = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(selector);
        var text = template
            .Replace(SelectorPlaceholder, selector, StringComparison.Ordinal)
            .Replace(WindowPlaceholder, FormatWindow(window), StringComparison.Ordinal);
        if (text.Contains(QuantilePlaceholder, StringComparison.Ordinal))
        {
            if (quantile is not { } q || q is <= 0 or >= 1)
                throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "The template needs a quantile between 0 and 1.");
            text = text.Replace(QuantilePlaceholder, q.ToString("0.###", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        return text;
    }
}
