using System.Collections;
using System.Management.Automation;

namespace Cutover.Commands.Hosting;

/// <summary>Turns a PowerShell hashtable into plain journal data (tables, lists, scalars).</summary>
internal static class JournalData
{
    public static IReadOnlyDictionary<string, object?> From(IDictionary table) =>
        table.Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString()!, e => Plain(e.Value), StringComparer.OrdinalIgnoreCase);

    private static object? Plain(object? value) => value switch
    {
        null => null,
        PSObject pso => Plain(pso.BaseObject),
        IDictionary table => From(table),
        string s => s,
        Enum e => e.ToString(),
        DateTimeOffset or DateTime or bool or int or long or double or float or decimal => value,
        IEnumerable list => list.Cast<object?>().Select(Plain).ToList(),
        _ => value.ToString(),
    };
}
