namespace Cutover.Engine.Traffic.HAProxy;

/// <summary>
/// Pure arithmetic between percentages and HAProxy server weights, and the order of runtime-API
/// commands that never lets the total weight reach 0.
/// </summary>
internal static class HAProxyWeights
{
    /// <summary>The sum of the two weights we set (HAProxy's largest weight is 256).</summary>
    public const int Total = 256;

    /// <summary>
    /// blue = round(256·p/100), green = 256 − blue; a non-zero percentage never maps to weight 0.
    /// Reading the weights back with <see cref="BluePercent"/> gives p again, for every p from 0 to 100.
    /// </summary>
    public static (int Blue, int Green) FromPercent(int bluePercent)
    {
        if (bluePercent is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(bluePercent), bluePercent, "a percentage from 0 to 100");
        var blue = (int)Math.Round(Total * bluePercent / 100.0, MidpointRounding.AwayFromZero);
        if (bluePercent > 0 && blue == 0)
            blue = 1;
        if (bluePercent < 100 && blue == Total)
            blue = Total - 1;
        return (blue, Total - blue);
    }

    /// <summary>Blue's share of the effective weights in percent; null when neither side has weight.</summary>
    public static int? BluePercent(int blueWeight, int greenWeight)
    {
        var total = blueWeight + greenWeight;
        if (total <= 0)
            return null;
        return (int)Math.Round(100.0 * blueWeight / total, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The runtime-API commands, in order, that move the servers from their current weights to the new
    /// ones: the side whose weight rises first (after leaving drain when <paramref name="drainOnZero"/>),
    /// then the side whose weight falls (then drained when it reaches 0).
    /// </summary>
    public static IReadOnlyList<string> Commands(HAProxyPlan plan, int currentBlue, int currentGreen, int bluePercent, bool drainOnZero)
    {
        var (blue, green) = FromPercent(bluePercent);
        var sides = new[]
        {
            (Server: plan.BlueServer, From: currentBlue, To: blue),
            (Server: plan.GreenServer, From: currentGreen, To: green),
        };
        var commands = new List<string>();
        foreach (var side in sides.OrderByDescending(s => s.To - s.From))
        {
            var name = $"{plan.Backend}/{side.Server}";
            if (drainOnZero && side.To > 0)
                commands.Add($"set server {name} state ready");
            commands.Add($"set weight {name} {side.To}");
            if (drainOnZero && side.To == 0)
                commands.Add($"set server {name} state drain");
        }
        return commands;
    }
}
