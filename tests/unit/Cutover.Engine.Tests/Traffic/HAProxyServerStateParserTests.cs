using Cutover.Engine.Traffic.HAProxy;

namespace Cutover.Engine.Tests.Traffic;

public sealed class HAProxyServerStateParserTests
{
    // HAProxy 2.6 output of "show servers state be_app"
    private const string Output = """
        1
        # be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port
        3 be_app 1 blue 127.0.0.1 2 8 128 100 52 6 3 4 6 0 0 0 - 48081 - 0 0 - - 0
        3 be_app 2 green 127.0.0.1 0 0 128 100 52 6 3 4 6 0 0 0 - 48082 - 0 0 - - 0

        """;

    [Fact]
    public void Reads_state_and_weights_by_column_name()
    {
        var servers = HAProxyServerStateParser.Parse(Output, "be_app");
        Assert.Equal(2, servers.Count);
        var blue = servers[0];
        Assert.Equal(("be_app", "blue", "127.0.0.1", 2, 8, 128, 100),
            (blue.Backend, blue.Server, blue.Address, blue.OperationalState, blue.AdministrativeState, blue.UserWeight, blue.InitialWeight));
        Assert.True(blue.IsDraining);
        Assert.Equal(0, blue.EffectiveWeight);
        Assert.Equal("UP, DRAIN", blue.Describe());
        Assert.Equal("DOWN", servers[1].Describe());
        Assert.Equal(0, servers[1].EffectiveWeight);
    }

    [Fact]
    public void Columns_in_another_order_are_still_found()
    {
        var servers = HAProxyServerStateParser.Parse("""
            1
            # srv_uweight srv_iweight srv_admin_state srv_op_state srv_addr srv_name be_name
            64 100 0 2 10.0.0.1 blue be_app
            """, "be_app");
        Assert.Equal(64, servers[0].EffectiveWeight);
    }

    [Fact]
    public void An_HAProxy_error_text_is_quoted_in_the_error()
    {
        var error = Assert.Throws<CutoverException>(() => HAProxyServerStateParser.Parse("Can't find backend.\n", "be_nope"));
        Assert.Equal(CutoverErrorIds.TrafficProviderError, error.ErrorId);
        Assert.Contains("Can't find backend.", error.Message);
    }

    [Fact]
    public void A_short_line_or_a_non_number_is_a_protocol_error()
    {
        const string header = "1\n# be_name srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight\n";
        Assert.Equal(CutoverErrorKind.ProtocolError, Assert.Throws<CutoverException>(() => HAProxyServerStateParser.Parse(header + "be_app blue 127.0.0.1 2 0\n", "be_app")).Kind);
        Assert.Equal(CutoverErrorKind.ProtocolError, Assert.Throws<CutoverException>(() => HAProxyServerStateParser.Parse(header + "be_app blue 127.0.0.1 2 0 x 100\n", "be_app")).Kind);
    }
}
