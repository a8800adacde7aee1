using System.Security.Cryptography;

namespace Cutover;

/// <summary>Run ids sort by time and are unique: <c>20261128T101500Z-3fa9c1</c>.</summary>
public static class CutoverRunId
{
    public static string Create(TimeProvider? time = null) =>
        (time ?? TimeProvider.System).GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)
        + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();

    public static bool IsValid(string? runId) =>
        runId is { Length: 23 } && runId[8] == 'T' && runId[15] == 'Z' && runId[16] == '-' &&
        runId.Where((c, i) => i is not (8 or 15 or 16)).All(char.IsAsciiLetterOrDigit);
}
