using System.Collections;
using System.Management.Automation.Language;

namespace Cutover.Commands.Plans;

/// <summary>
/// Reads a .psd1 plan the way Import-PowerShellDataFile does: parsed, never run, literals only.
/// </summary>
internal static class Psd1PlanTree
{
    public static IReadOnlyDictionary<string, object?> Parse(string path)
    {
        var ast = Parser.ParseFile(path, out _, out var errors);
        if (errors.Length > 0)
            throw Unreadable(path, $"is not valid PowerShell data: {errors[0].Message} (line {errors[0].Extent.StartLineNumber})", "Fix the syntax at that line.");
        var statements = ast.EndBlock?.Statements;
        if (ast.BeginBlock is not null || ast.ProcessBlock is not null || statements is null || statements.Count != 1 ||
            statements[0] is not PipelineAst { PipelineElements: [CommandExpressionAst { Expression: HashtableAst table }] })
            throw Unreadable(path, "must hold exactly one hashtable @{ ... }", "Write the whole plan as one @{ ... } table.");
        object value;
        try
        {
            value = table.SafeGetValue();
        }
        catch (InvalidOperationException e)
        {
            throw Unreadable(path, $"holds something other than literal data: {e.Message}", "Use only strings, numbers, $true, $false, $null, @( ) lists and @{ } tables.");
        }
        return (IReadOnlyDictionary<string, object?>)Convert(value)!;
    }

    private static object? Convert(object? value) => value switch
    {
        Hashtable table => table.Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString()!, e => Convert(e.Value), StringComparer.OrdinalIgnoreCase),
        object[] array => array.Select(Convert).ToList(),
        _ => value,
    };

    private static CutoverException Unreadable(string path, string problem, string fix) =>
        new(CutoverErrorIds.PlanUnreadable, CutoverErrorKind.InvalidData, $"The plan '{path}' {problem}", path, fix);
}
