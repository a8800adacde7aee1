using System.Net;
using LoadGenerator;
using Microsoft.Extensions.Time.Testing;

namespace Fixtures.Tests.LoadGenerator;

public class LoadRunnerTests
{
    private static LoadOptions Options(double rate, double seconds, int concurrency = 8, int timeoutMs = 500) =>
        new(new Uri("http://127.0.0.1:48080/api/status"), rate, TimeSpan.FromSeconds(seconds), concurrency,
            TimeSpan.FromMilliseconds(timeoutMs), false, false, null);

    /// <summary>Answers each request through <paramref name="answer"/>, noting the fake time it was sent at.</summary>
    private sealed class StubHandler(TimeProvider time, Func<int, CancellationToken, Task<HttpResponseMessage>> answer)
        : HttpMessageHandler
    {
        public List<TimeSpan> SentAt { get; } = [];
        private readonly DateTimeOffset _start = time.GetUtcNow();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int index;
            lock (SentAt)
            {
                index = SentAt.Count;
                SentAt.Add(time.GetUtcNow() - _start);
            }
            return answer(index, cancellationToken);
        }
    }

    private static HttpResponseMessage Response(HttpStatusCode status, string environment)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Add("X-Cutover-Environment", environment);
        return response;
    }

    /// <summary>
    /// How late, in fake time, a step may come: the driver below moves fake time on every real
    /// millisecond or so, and on a busy machine a continuation can miss a few of those steps.
    /// </summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(150);

    /// <summary>Runs the load while moving fake time forward in small steps until it finishes.</summary>
    private static async Task<LoadReport> RunAsync(LoadOptions options, FakeTimeProvider time, HttpMessageHandler handler)
    {
        var run = new LoadRunner(options, handler, time).RunAsync(CancellationToken.None);
        for (var step = 0; !run.IsCompleted && step < 10_000; step++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(10));
        }
        return await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Requests_are_paced_evenly_over_the_duration()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler(time, (i, _) => Task.FromResult(Response(HttpStatusCode.OK, i % 2 == 0 ? "blue" : "green")));

        var report = await RunAsync(Options(rate: 20, seconds: 1), time, handler);

        Assert.Equal(20, report.Total);
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 10, ["green"] = 10 }, report.ByEnvironment);
        Assert.Equal(0, report.Failed);
        Assert.Equal(20, report.AchievedRate);
        for (var i = 0; i < handler.SentAt.Count; i++)
        {
            var due = TimeSpan.FromMilliseconds(50 * i);
            Assert.InRange(handler.SentAt[i], due, due + Slack);
        }
    }

    [Fact]
    public async Task Slow_responses_do_not_slow_the_schedule_and_time_out()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler(time, async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
            return Response(HttpStatusCode.OK, "blue");
        });

        var report = await RunAsync(Options(rate: 10, seconds: 1, concurrency: 100, timeoutMs: 300), time, handler);

        Assert.Equal(10, report.Total);
        Assert.Equal(10, report.Timeouts);
        Assert.Equal(10, report.Failed);
        Assert.InRange(handler.SentAt[^1], TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(900) + Slack);
        Assert.InRange(report.ElapsedSeconds, 1.2, 1.2 + Slack.TotalSeconds);
    }

    [Fact]
    public async Task A_full_pool_delays_requests_and_the_hard_stop_ends_the_run()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler(time, async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400), time, ct);
            return Response(HttpStatusCode.ServiceUnavailable, "green");
        });

        var report = await RunAsync(Options(rate: 20, seconds: 1, concurrency: 1, timeoutMs: 1100), time, handler);

        // one at a time, 400 ms each: at most 6 of the 20 (0, 0.4, … 2.0 s) before the hard stop at 2.1 s
        var gaps = handler.SentAt.Zip(handler.SentAt.Skip(1), (a, b) => b - a);
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(400), $"sent {gap.TotalMilliseconds} ms apart"));
        Assert.True(report.Total is >= 2 and <= 6,
            $"{report.Total} sent, at {string.Join(", ", handler.SentAt.Select(t => t.TotalMilliseconds))} ms");
        Assert.Equal(["503"], report.ByStatus.Keys);
        Assert.Equal(report.Total, report.Failed);
        Assert.InRange(report.ElapsedSeconds, 2.1, 2.3);
        Assert.True(report.AchievedRate < 3.1);
    }

    [Fact]
    public async Task Ctrl_C_stops_the_sending_but_lets_requests_in_flight_finish()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler(time, async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct);
            return Response(HttpStatusCode.OK, "green");
        });
        using var ctrlC = new CancellationTokenSource();

        var run = new LoadRunner(Options(rate: 20, seconds: 10), handler, time).RunAsync(ctrlC.Token);
        for (var step = 0; !run.IsCompleted && step < 10_000; step++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(10));
            if (time.GetUtcNow() - time.Start >= TimeSpan.FromMilliseconds(520) && !ctrlC.IsCancellationRequested)
                await ctrlC.CancelAsync(); // 20 ms after the request sent at 500 ms, which is still waiting for its answer
        }
        var report = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(report.Total, 11, 13);
        Assert.Equal(0, report.Failed);
        Assert.Equal(report.Total, report.ByStatus["200"]);
        Assert.True(report.AchievedRate > 15, $"{report.AchievedRate} req/s over the time it ran, not the 10 s asked for");
    }

    [Fact]
    public async Task Connection_failures_are_counted_apart_from_responses()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler(time, (i, _) => i % 4 == 0
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused"))
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));

        var report = await RunAsync(Options(rate: 8, seconds: 1), time, handler);

        Assert.Equal(8, report.Total);
        Assert.Equal(2, report.ConnectionErrors);
        Assert.Equal(new Dictionary<string, int> { ["none"] = 6 }, report.ByEnvironment);
        Assert.Equal(2, report.Failed);
    }
}
