using LoadGenerator;

namespace Fixtures.Tests.LoadGenerator;

public class PacerTests
{
    [Theory]
    [InlineData(100, 10, 1000)]
    [InlineData(2.5, 4, 10)]
    [InlineData(0.5, 1, 1)]
    public void The_schedule_holds_rate_times_duration_requests(double rate, double seconds, int expected) =>
        Assert.Equal(expected, new Pacer(rate, TimeSpan.FromSeconds(seconds)).Count);

    [Fact]
    public void Requests_are_due_one_interval_apart()
    {
        var pacer = new Pacer(4, TimeSpan.FromSeconds(1));

        Assert.Equal([0, 250, 500, 750], Enumerable.Range(0, pacer.Count).Select(i => pacer.DueAt(i).TotalMilliseconds));
    }
}
