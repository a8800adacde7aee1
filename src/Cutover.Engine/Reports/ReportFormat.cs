using System.Globalization;

namespace Cutover.Engine.Reports;

/// <summary>How numbers, times and durations read in every report format.</summary>
public static class ReportFormat
{
    public static string Number(double value) =>
        Math.Abs(value) >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1 ? value.ToString("0.##", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? Number(v) : "Unknown";

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";


    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "",
        { TotalHours: >= 1 } d => $"{(int)d.TotalHours}h {d.Minutes:00}m {d.Seconds:00}s",
        { TotalMinutes: >= 1 } d => $"{d.Minutes}m {d.Seconds:00}s",
        { } d => d.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s",
    };
}
