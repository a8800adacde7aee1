using Cutover.Engine.Traffic.Dns;

namespace Cutover.Engine.Tests.Traffic;

public sealed class DnsAnswerAggregatorTests
{
    private static readonly DnsPlan Plan = new()
    {
        Nameservers = ["127.0.0.1:5353", "127.0.0.2:5353", "127.0.0.3:5353"], Zone = "example.test", Record = "app.example.test",
        BlueAddress = "127.0.0.20", GreenAddress = "127.0.0.10", TsigKeyName = "ddns-key", TsigSecret = SecretReference.FromEnvironment("X"),
    };

    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static DnsAnswer A(string ns, string address, int ttl = 60) => new(ns, [address], ttl, null);

    [Fact]
    public void All_nameservers_answering_blue_is_blue_100()
    {
        var state = DnsAnswerAggregator.Aggregate(Plan, [A("a", "127.0.0.20"), A("b", "127.0.0.20"), A("c", "127.0.0.20")], Now, null);
        Assert.Equal((100, 0), (state.Blue, state.Green));
        Assert.Empty(state.Warnings);
        Assert.All(state.Targets, t => Assert.Equal(CutoverEnvironment.Blue, t.Environment));
        Assert.Equal("a: A 127.0.0.20 ttl 60; b: A 127.0.0.20 ttl 60; c: A 127.0.0.20 ttl 60", state.Raw);
    }

    [Fact]
    public void Disagreeing_nameservers_give_the_share_of_each_and_a_warning_never_a_majority_of_100()
    {
        var state = DnsAnswerAggregator.Aggregate(Plan, [A("a", "127.0.0.20"), A("b", "127.0.0.10"), A("c", "127.0.0.10")], Now, null);
        Assert.Equal((33, 67), (state.Blue, state.Green));
        Assert.Contains(state.Warnings, w => w.Contains("disagree"));
    }

    [Fact]
    public void A_nameserver_without_a_usable_answer_counts_for_neither_side()
    {
        var state = DnsAnswerAggregator.Aggregate(Plan,
            [A("a", "127.0.0.10"), new DnsAnswer("b", [], null, "no response"), A("c", "127.0.0.99")], Now, null);
        Assert.Equal((0, 33), (state.Blue, state.Green));
        Assert.Equal(["Green", "NoAnswer", "Unexpected"], state.Targets.Select(t => t.State));
        Assert.Equal(2, state.Warnings.Count(w => w.Contains("counts for neither")));
    }

    [Fact]
    public void Two_addresses_at_once_are_neither_blue_nor_green()
    {
        var state = DnsAnswerAggregator.Aggregate(Plan, [new DnsAnswer("a", ["127.0.0.10", "127.0.0.20"], 60, null)], Now, null);
        Assert.Equal((0, 0), (state.Blue, state.Green));
    }

    [Fact]
    public void Different_ttls_are_warned_about()
    {
        var state = DnsAnswerAggregator.Aggregate(Plan, [A("a", "127.0.0.10", 60), A("b", "127.0.0.10", 300)], Now, null);
        Assert.Equal((0, 100), (state.Blue, state.Green));
        Assert.Contains(state.Warnings, w => w.Contains("different TTLs"));
    }
}
