using SampleOrchestrator.Dependencies;
using SampleOrchestrator.Faults;

namespace Fixtures.Tests.SampleOrchestrator;

public class FaultStateTests
{
    [Fact]
    public void Updates_merge_field_by_field()
    {
        var state = new FaultState();

        state.Apply(new FaultUpdate(ErrorRatio: 0.2, LatencyMs: 2500, Cut: ["redis"], Version: "9.9.9"));
        var merged = state.Apply(new FaultUpdate(MemoryGrowthMbPerSec: 50));

        Assert.Equal(0.2, merged.ErrorRatio);
        Assert.Equal(2500, merged.LatencyMs);
        Assert.Equal(50, merged.MemoryGrowthMbPerSec);
        Assert.Equal(["redis"], merged.Cut);
        Assert.Equal("9.9.9", merged.Version);
    }

    [Fact]
    public void Cut_replaces_the_list_and_an_empty_version_drops_the_override()
    {
        var state = new FaultState();
        state.Apply(new FaultUpdate(Cut: ["redis", "database"], Version: "9.9.9"));

        var next = state.Apply(new FaultUpdate(Cut: [], Version: ""));

        Assert.Empty(next.Cut);
        Assert.Null(next.Version);
    }

    [Fact]
    public void A_cut_dependency_throws_and_the_others_do_not()
    {
        var state = new FaultState();
        state.Apply(new FaultUpdate(Cut: ["redis"]));

        var cut = Assert.Throws<DependencyCutException>(() => state.ThrowIfCut(DependencyNames.Redis));
        state.ThrowIfCut(DependencyNames.Database);

        Assert.Equal("redis", cut.Dependency);
        Assert.Equal("redis", DependencyErrors.DependencyOf(cut));
    }

    [Fact]
    public void A_new_ratio_restarts_the_spread_and_clear_stops_failures()
    {
        var state = new FaultState();
        state.Apply(new FaultUpdate(ErrorRatio: 0.5));
        Assert.False(state.NextRequestFails());

        state.Apply(new FaultUpdate(ErrorRatio: 0.25));
        Assert.Equal([false, false, false, true], Enumerable.Range(0, 4).Select(_ => state.NextRequestFails()));

        state.Clear();
        Assert.Equal(FaultSet.None, state.Current);
        Assert.DoesNotContain(true, Enumerable.Range(0, 100).Select(_ => state.NextRequestFails()));
    }

    [Fact]
    public void Validation_names_every_bad_field()
    {
        var errors = new FaultUpdate(ErrorRatio: 1.5, LatencyMs: -1, MemoryGrowthMbPerSec: -5, Cut: ["redis", "kafka"]).Validate();

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("kafka"));
        Assert.Empty(new FaultUpdate(0.2, 2500, 50, ["redis", "database", "rabbitmq"], false, "9.9.9").Validate());
    }
}
