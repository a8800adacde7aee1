using Cutover.Engine.Plans;

namespace Cutover.Engine.Tests.Plans;

public sealed class JsonPlanTreeTests
{
    private static CutoverException Unreadable(string json)
    {
        var e = Assert.Throws<CutoverException>(() => JsonPlanTree.Parse(json, "plan.json"));
        Assert.Equal(CutoverErrorIds.PlanUnreadable, e.ErrorId);
        Assert.Equal("plan.json", e.Target);
        return e;
    }

    [Theory]
    [InlineData("{ \"Name\": \"x\", }")]
    [InlineData("// a comment\n{ \"Name\": \"x\" /* and another */ }")]
    public void Comments_and_trailing_commas_are_allowed(string json) =>
        Assert.Equal("x", JsonPlanTree.Parse(json, "plan.json")["name"]);

    [Theory]
    [InlineData("{ \"Name\": \"x\" ")]
    [InlineData("{ Name: \"x\" }")]
    [InlineData("{ \"Name\": 'x' }")]
    [InlineData("")]
    public void Syntax_errors_are_unreadable_plans(string json) => Assert.Contains("not valid JSON", Unreadable(json).Message);

    [Theory]
    [InlineData("[]")]
    [InlineData("\"plan\"")]
    public void The_top_must_be_an_object(string json) => Assert.Contains("one JSON object", Unreadable(json).Message);

    [Theory]
    [InlineData("{ \"Name\": \"a\", \"Name\": \"b\" }", "Name")]
    [InlineData("{ \"Name\": \"a\", \"name\": \"b\" }", "name")]
    [InlineData("{ \"Traffic\": { \"HAProxy\": {}, \"haproxy\": {} } }", "Traffic.haproxy")]
    [InlineData("{ \"Stages\": [ {}, { \"BakeSec\": 1, \"BAKESEC\": 2 } ] }", "Stages[1].BAKESEC")]
    public void Duplicate_keys_are_named(string json, string field) =>
        Assert.Contains($"sets {field} twice", Unreadable(json).Message);

    [Fact]
    public void Values_keep_their_json_types()
    {
        var tree = JsonPlanTree.Parse("{ \"i\": 5, \"d\": 0.5, \"s\": \"t\", \"b\": true, \"n\": null, \"l\": [1, \"a\"], \"o\": {} }", "plan.json");

        Assert.Equal(5L, tree["i"]);
        Assert.Equal(0.5, tree["d"]);
        Assert.Equal("t", tree["s"]);
        Assert.Equal(true, tree["b"]);
        Assert.Null(tree["n"]);
        Assert.Equal(new List<object?> { 1L, "a" }, tree["l"]);
        Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(tree["o"]);
    }

    [Fact]
    public void A_number_too_large_for_a_double_is_an_out_of_range_value_not_a_crash()
    {
        var tree = PlanTrees.Valid();
        var huge = JsonPlanTree.Parse("{ \"v\": 1e400 }", "plan.json")["v"];
        tree.Table("Monitoring")["ScrapeIntervalSec"] = huge;

        var result = PlanTrees.Read(tree);

        Assert.Contains(result.ErrorsAt("Monitoring.ScrapeIntervalSec"), p => p.Problem.Contains("out of range"));
    }
}
