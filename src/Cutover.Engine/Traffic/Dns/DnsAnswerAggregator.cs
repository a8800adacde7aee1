namespace Cutover.Engine.Traffic.Dns;

/// <summary>
/// Turns every nameserver's answer into one traffic state. The rule: Blue is the percentage of
/// nameservers that answer exactly the blue address, Green the percentage that answer exactly the green
/// address; a nameserver with no usable answer, or any other set of addresses, counts for neither, so
/// Blue + Green is then below 100. Blue 100 therefore means every nameserver answers blue, which is
/// what a verified DNS change requires; anything in between says the nameservers disagree.
/// </summary>
internal static class DnsAnswerAggregator
{
    public static CutoverTrafficState Aggregate(DnsPlan dns, IReadOnlyList<DnsAnswer> answers, DateTimeOffset observedAt, CutoverPlan? plan)
    {
        var targets = answers.Select(a => Detail(dns, a)).ToList();
        var total = Math.Max(answers.Count, 1);
        var blue = targets.Count(t => t.Environment == CutoverEnvironment.Blue);
        var green = targets.Count(t => t.Environment == CutoverEnvironment.Green);
        var warnings = new List<string>();
        foreach (var unusable in answers.Where(a => EnvironmentOf(dns, a) is null))
            warnings.Add($"Nameserver {unusable}: counts for neither blue ({dns.BlueAddress}) nor green ({dns.GreenAddress}).");
        if (blue > 0 && green > 0)
            warnings.Add($"The nameservers disagree: {blue} answer blue, {green} answer green.");
        var ttls = answers.Where(a => a.TtlSec is not null).Select(a => a.TtlSec!.Value).Distinct().ToList();
        if (ttls.Count > 1)
            warnings.Add($"The nameservers answer different TTLs: {string.Join(", ", ttls)}.");
        return new CutoverTrafficState
        {
            Provider = TrafficProviderKind.Dns,
            Blue = (int)Math.Round(100.0 * blue / total, MidpointRounding.AwayFromZero),
            Green = (int)Math.Round(100.0 * green / total, MidpointRounding.AwayFromZero),
            Raw = string.Join("; ", answers),
            Targets = targets,
            Warnings = warnings,
            ObservedAt = observedAt,
            Plan = plan,
        };
    }

    /// <summary>Blue or Green when the answer is exactly that environment's address; otherwise null.</summary>
    public static CutoverEnvironment? EnvironmentOf(DnsPlan dns, DnsAnswer answer) =>
        answer.Problem is not null || answer.Addresses.Count != 1 ? null
        : answer.Addresses[0] == dns.BlueAddress ? CutoverEnvironment.Blue
        : answer.Addresses[0] == dns.GreenAddress ? CutoverEnvironment.Green
        : null;

    private static TrafficTargetDetail Detail(DnsPlan dns, DnsAnswer answer)
    {
        var environment = EnvironmentOf(dns, answer);
        return new TrafficTargetDetail
        {
            Environment = environment,
            Target = answer.Nameserver,
            State = environment?.ToString() ?? (answer.Problem is not null ? "NoAnswer" : "Unexpected"),
            Detail = answer.Problem ?? (answer.Addresses.Count == 0 ? "no A record" : $"A {string.Join(",", answer.Addresses)} ttl {answer.TtlSec}"),
        };
    }
}
