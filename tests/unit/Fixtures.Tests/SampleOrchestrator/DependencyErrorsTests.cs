using SampleOrchestrator.Dependencies;

namespace Fixtures.Tests.SampleOrchestrator;

public class DependencyErrorsTests
{
    [Fact]
    public void Reasons_mask_passwords_and_add_the_root_cause()
    {
        var errors = new DependencyErrors(["S3cret", ""]);
        var exception = new InvalidOperationException("login as app:S3cret failed", new IOException("Connection refused"));

        Assert.Equal("login as app:*** failed (Connection refused)", errors.Reason(exception));
    }

    [Fact]
    public void Redis_connection_diagnostics_are_dropped()
    {
        var errors = new DependencyErrors([]);
        var exception = new InvalidOperationException(
            "No connection is active/available to service this operation: PING; SocketClosed on 127.0.0.1:46379/Interactive, Idle/RanToCompletion, last: PING, origin: ReadAllAsync");

        Assert.Equal("No connection is active/available to service this operation: PING; SocketClosed on 127.0.0.1:46379/Interactive",
            errors.Reason(exception));
    }

    [Fact]
    public void Only_dependency_exceptions_name_a_dependency()
    {
        Assert.Equal("database", DependencyErrors.DependencyOf(new Npgsql.NpgsqlException("down")));
        Assert.Null(DependencyErrors.DependencyOf(new InvalidOperationException("bug")));
    }
}
