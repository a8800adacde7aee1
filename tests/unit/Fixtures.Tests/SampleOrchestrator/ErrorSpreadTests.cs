using SampleOrchestrator.Faults;

namespace Fixtures.Tests.SampleOrchestrator;

public class ErrorSpreadTests
{
    [Fact]
    public void A_fifth_fails_every_fifth_request()
    {
        var spread = new ErrorSpread(0.2);

        var failing = Enumerable.Range(1, 20).Where(_ => spread.NextFails()).ToArray();

        Assert.Equal([5, 10, 15, 20], failing);
    }

    [Theory]
    [InlineData(0.0, 1000, 0)]
    [InlineData(1.0, 1000, 1000)]
    [InlineData(0.1, 1000, 100)]
    [InlineData(0.33, 300, 99)]
    [InlineData(0.05, 999, 49)]
    public void The_failed_count_is_floor_of_ratio_times_requests(double ratio, int requests, int expected)
    {
        var spread = new ErrorSpread(ratio);

        Assert.Equal(expected, Enumerable.Range(0, requests).Count(_ => spread.NextFails()));
    }

    [Fact]
    public void The_count_stays_exact_under_concurrent_requests()
    {
        var spread = new ErrorSpread(0.25);
        var failed = 0;

        Parallel.For(0, 40_000, _ =>
        {
            if (spread.NextFails()) Interlocked.Increment(ref failed);
        });

        Assert.Equal(10_000, failed);
    }
}
