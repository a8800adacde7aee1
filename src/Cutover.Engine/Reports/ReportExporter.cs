using System.Text;
using Cutover.Engine.Journal;

namespace Cutover.Engine.Reports;

/// <summary>Reads a run's journal, renders its report, and writes it to a file.</summary>
public static class ReportExporter
{
    /// <summary>The report of <paramref name="runId"/> (the plan's current run when null) in <paramref name="format"/>.</summary>
    public static (string RunId, string Content) Render(CutoverPlan plan, string? runId, CutoverReportFormat format, SecretRedactor redactor)
    {
        var entries = JournalReader.Read(plan, runId);
        var id = runId ?? entries.FirstOrDefault()?.RunId ?? new JournalPaths(plan).CurrentRunId() ?? "";
        var model = new ReportBuilder(redactor).Build(plan, id, entries);
        return (id, format == CutoverReportFormat.Html ? HtmlReportRenderer.Render(model) : MarkdownReportRenderer.Render(model));
    }

    /// <summary>Writes <paramref name="content"/> whole (through a temporary file) and refuses to replace a file unless told.</summary>
    public static FileInfo Write(string path, string content, bool overwrite)
    {
        if (File.Exists(path) && !overwrite)
            throw Exists(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            File.Move(temporary, path, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            File.Delete(temporary);
            throw Exists(path);
        }
        return new FileInfo(path);
    }

    public static CutoverException Exists(string path) => new(CutoverErrorIds.ReportExists, CutoverErrorKind.ResourceBusy,
        $"The file '{path}' exists.", path, "Use -Force to replace it, or choose another -Path.");
}
