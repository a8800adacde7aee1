using LoadGenerator;

namespace Fixtures.Tests.LoadGenerator;

public class LoadOptionsTests
{
    [Fact]
    public void Defaults_fill_the_optional_arguments()
    {
        var (options, error) = LoadOptions.Parse(["--url", "http://127.0.0.1:48080/api/status", "--rate", "100", "--duration", "10"]);

        Assert.Null(error);
        Assert.Equal(new LoadOptions(new Uri("http://127.0.0.1:48080/api/status"), 100, TimeSpan.FromSeconds(10), 8,
            TimeSpan.FromMilliseconds(2000), false, false, null), options);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var (options, _) = LoadOptions.Parse(["--url", "http://localhost:1/", "--rate", "2.5", "--duration", "0.5",
            "--concurrency", "3", "--timeout-ms", "150", "--new-connections", "--json", "--out", Path.GetTempPath() + "r.json"]);

        Assert.NotNull(options);
        Assert.Equal((2.5, TimeSpan.FromSeconds(0.5), 3, TimeSpan.FromMilliseconds(150), true, true),
            (options.Rate, options.Duration, options.Concurrency, options.Timeout, options.NewConnections, options.Json));
    }

    [Theory]
    [InlineData("--rate 1 --duration 1", "required")]
    [InlineData("--url http://127.0.0.1/ --rate 0 --duration 1", "--rate")]
    [InlineData("--url http://127.0.0.1/ --rate 1 --duration x", "--duration")]
    [InlineData("--url http://127.0.0.1/ --rate 1 --duration 1 --concurrency 1.5", "--concurrency")]
    [InlineData("--url http://127.0.0.1/ --rate 1 --duration 1 --timeout-ms", "needs a value")]
    [InlineData("--url http://192.168.1.10/ --rate 1 --duration 1", "loopback")]
    [InlineData("--url ftp://127.0.0.1/ --rate 1 --duration 1", "http")]
    [InlineData("--url http://127.0.0.1/ --rate 1 --duration 1 --burst", "unknown argument")]
    [InlineData("--url http://127.0.0.1/ --rate 1 --duration 1 --out /no/such/folder/r.json", "does not exist")]
    public void Bad_arguments_are_named(string args, string expected)
    {
        var (options, error) = LoadOptions.Parse(args.Split(' '));

        Assert.Null(options);
        Assert.Contains(expected, error);
    }
}
