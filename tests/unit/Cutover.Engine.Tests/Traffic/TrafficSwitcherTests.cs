using Cutover.Engine.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.Traffic;

public sealed class TrafficSwitcherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingHost _host = new();

    private async Task<T> Drive<T>(Task<T> task)
    {
        for (var i = 0; i < 1000 && !task.IsCompleted; i++)
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }
        return await task;
    }

    [Fact]
    public async Task Reads_checks_applies_then_reads_back_until_the_new_split_shows()
    {
        var router = new FakeTrafficRouter(_time, 0) { StaleReads = 2 };
        var state = await Drive(new TrafficSwitcher(router, _time).SwitchAsync(50, TimeSpan.FromSeconds(10), _host, CancellationToken.None));

        Assert.Equal(["get", "ensure 50", "apply 50", "get", "get", "get"], router.Calls);
        Assert.Equal(50, state.Blue);
        Assert.Equal(50, state.Green);
        var audit = Assert.Single(_host.Information);
        Assert.Contains("Audit", audit.Tags);
        Assert.Contains("blue 0% / green 100% to blue 50% / green 50%", audit.Message);
    }

    [Fact]
    public async Task The_same_split_again_is_a_verified_no_op()
    {
        var router = new FakeTrafficRouter(_time, 100);
        var state = await new TrafficSwitcher(router, _time).SwitchAsync(100, TimeSpan.FromSeconds(10), _host, CancellationToken.None);

        Assert.Equal(["get"], router.Calls);
        Assert.Equal(100, state.Blue);
        Assert.Empty(_host.Information);
        Assert.Contains(_host.Verbose, v => v.Contains("nothing to change"));
    }

    [Fact]
    public async Task A_change_that_never_shows_times_out_saying_what_the_provider_still_shows()
    {
        var router = new FakeTrafficRouter(_time, 0) { NeverApplies = true };
        var error = await Assert.ThrowsAsync<CutoverException>(() =>
            Drive(new TrafficSwitcher(router, _time).SwitchAsync(100, TimeSpan.FromSeconds(3), _host, CancellationToken.None)));

        Assert.Equal(CutoverErrorIds.TrafficVerificationTimeout, error.ErrorId);
        Assert.Contains("still shows blue 0% / green 100% (blue=0)", error.Message);
        var reads = router.Calls.Count(c => c == "get");
        Assert.InRange(reads, 10, 20);   // every 200 ms for 3 s, bounded
        Assert.Empty(_host.Information);
    }

    [Fact]
    public async Task A_refusal_propagates_and_nothing_is_applied()
    {
        var refusal = new CutoverException(CutoverErrorIds.TrafficWeightUnsupported, CutoverErrorKind.InvalidArgument, "no");
        var router = new FakeTrafficRouter(_time, 0) { Refusal = refusal };
        var error = await Assert.ThrowsAsync<CutoverException>(() =>
            new TrafficSwitcher(router, _time).SwitchAsync(50, TimeSpan.FromSeconds(3), _host, CancellationToken.None));

        Assert.Same(refusal, error);
        Assert.Equal(["get", "ensure 50"], router.Calls);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task A_percentage_outside_0_to_100_is_refused_before_anything_is_read(int blue)
    {
        var router = new FakeTrafficRouter(_time, 0);
        var error = await Assert.ThrowsAsync<CutoverException>(() =>
            new TrafficSwitcher(router, _time).SwitchAsync(blue, TimeSpan.FromSeconds(3), _host, CancellationToken.None));
        Assert.Equal(CutoverErrorIds.TrafficWeightUnsupported, error.ErrorId);
        Assert.Empty(router.Calls);
    }
}
