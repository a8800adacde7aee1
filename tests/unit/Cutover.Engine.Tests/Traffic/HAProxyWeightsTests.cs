using Cutover.Engine.Traffic.HAProxy;

namespace Cutover.Engine.Tests.Traffic;

public sealed class HAProxyWeightsTests
{
    private static readonly HAProxyPlan Plan = new()
    {
        RuntimeApi = new Uri("tcp://127.0.0.1:48405"), Backend = "be_app", BlueServer = "blue", GreenServer = "green",
    };

    [Theory]
    [InlineData(0, 0, 256)]
    [InlineData(1, 3, 253)]
    [InlineData(50, 128, 128)]
    [InlineData(99, 253, 3)]
    [InlineData(100, 256, 0)]
    public void Maps_percentages_onto_weights_summing_to_256(int percent, int blue, int green) =>
        Assert.Equal((blue, green), HAProxyWeights.FromPercent(percent));

    [Fact]
    public void Every_percentage_reads_back_as_itself_and_no_non_zero_side_gets_weight_0()
    {
        for (var p = 0; p <= 100; p++)
        {
            var (blue, green) = HAProxyWeights.FromPercent(p);
            Assert.Equal(p, HAProxyWeights.BluePercent(blue, green));
            Assert.Equal(p > 0, blue > 0);
            Assert.Equal(p < 100, green > 0);
        }
    }

    [Fact]
    public void No_weight_at_all_is_no_percentage() => Assert.Null(HAProxyWeights.BluePercent(0, 0));

    [Fact]
    public void Raises_the_receiving_side_before_lowering_the_other()
    {
        Assert.Equal(["set weight be_app/blue 256", "set weight be_app/green 0"], HAProxyWeights.Commands(Plan, 0, 256, 100, false));
        Assert.Equal(["set weight be_app/green 256", "set weight be_app/blue 0"], HAProxyWeights.Commands(Plan, 256, 0, 0, false));
        Assert.Equal(["set weight be_app/blue 128", "set weight be_app/green 128"], HAProxyWeights.Commands(Plan, 0, 256, 50, false));
    }

    [Fact]
    public void With_drain_on_zero_the_side_leaving_is_drained_last_and_the_side_arriving_made_ready_first() =>
        Assert.Equal(
            ["set server be_app/blue state ready", "set weight be_app/blue 256", "set weight be_app/green 0", "set server be_app/green state drain"],
            HAProxyWeights.Commands(Plan, 0, 256, 100, true));

    [Fact]
    public void No_prefix_of_any_command_sequence_leaves_both_weights_at_0()
    {
        foreach (var from in new[] { 0, 1, 50, 99, 100 })
        foreach (var to in new[] { 0, 1, 50, 99, 100 })
        {
            var (b, g) = HAProxyWeights.FromPercent(from);
            var weights = new Dictionary<string, int> { ["blue"] = b, ["green"] = g };
            foreach (var command in HAProxyWeights.Commands(Plan, b, g, to, false))
            {
                var parts = command.Split(' ');
                weights[parts[2].Split('/')[1]] = int.Parse(parts[3]);
                Assert.True(weights["blue"] + weights["green"] > 0, $"{from}→{to}: '{command}' leaves no weight");
            }
        }
    }
}
