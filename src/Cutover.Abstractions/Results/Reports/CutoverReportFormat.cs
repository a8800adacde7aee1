namespace Cutover;

/// <summary>The formats <c>Export-CutoverReport</c> writes.</summary>
public enum CutoverReportFormat
{
    /// <summary>One self-contained HTML5 page with inline SVG charts.</summary>
    Html,

    /// <summary>Markdown tables, the charts as a min/max/last summary per series.</summary>
    Markdown,
}
