namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// Percentages and ALB weights. Cutover writes the percentages themselves as weights (blue = p, green = 100 − p),
/// which is inside the API's 0..999 range, exact, and reads the same in the console. Weights written by anyone
/// else are read as shares of the total: percent = round(100 × weight ÷ sum of weights), halves away from zero.
/// </summary>
public static class AlbWeightMapping
{
    public const int MaxWeight = 999;

    public static (int Blue, int Green) ToWeights(int bluePercent) =>
        bluePercent is < 0 or > 100
            ? throw new ArgumentOutOfRangeException(nameof(bluePercent), bluePercent, "A percentage is 0..100.")
            : (bluePercent, 100 - bluePercent);

    /// <summary>The percentage of <paramref name="weight"/> in <paramref name="total"/>; null when the total is 0 (nothing is forwarded).</summary>
    public static int? ToPercent(int weight, int total) =>
        total <= 0 ? null : (int)Math.Round(100.0 * weight / total, MidpointRounding.AwayFromZero);
}
