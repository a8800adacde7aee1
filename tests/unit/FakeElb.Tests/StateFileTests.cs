using System.Text.Json;
using System.Text.Json.Nodes;
using FakeElb.Hosting;
using FakeElb.Model;

namespace FakeElb.Tests;

public sealed class StateFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("fakeelb-state-").FullName;

    private string WriteSeed()
    {
        var path = Path.Combine(directory, "elb.json");
        File.WriteAllText(path, JsonSerializer.Serialize(TestSandbox.Seed(), StateJson.Options));
        return path;
    }

    [Fact]
    public void ASeedOnlyFileHasNoSavedModel()
    {
        var file = StateFile.Load(WriteSeed());
        Assert.Null(file.SavedModel);
        Assert.Equal(TestSandbox.RuleArn, file.Seed.ListenerRuleArn);
        Assert.Null(file.Seed.Haproxy);
    }

    [Fact]
    public void SavedWeightsSurviveARestartAndTheSeedKeysStay()
    {
        var path = WriteSeed();
        var seed = StateFile.Load(path).Seed;
        var server = new FakeElbServer(seed, SandboxModelBuilder.Build(seed), StateFile.Load(path).Save, haproxy: null, TimeProvider.System);
        server.Store.Update(model =>
        {
            var rule = model.FindRule(TestSandbox.RuleArn)!;
            var changed = rule with { Actions = [rule.Actions[0] with { ForwardConfig = new ForwardConfig(
                [new TargetGroupTuple(TestSandbox.Blue, 70), new TargetGroupTuple(TestSandbox.Green, 30)], new TargetGroupStickiness(false)) }] };
            return (model.WithRule(changed), 0);
        });

        var reloaded = StateFile.Load(path);
        var restarted = new FakeElbServer(reloaded.Seed, reloaded.SavedModel!, null, null, TimeProvider.System);
        Assert.Equal(new(70, 30), restarted.WeightSync.AlbWeights(restarted.Store.Current));
        Assert.Equal("AKIDFAKEEXAMPLE", JsonNode.Parse(File.ReadAllText(path))!["accessKeyId"]!.GetValue<string>());
        Assert.Equal(["elb.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void SavingKeepsTheFilePermissions()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = WriteSeed();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var file = StateFile.Load(path);

        file.Save(SandboxModelBuilder.Build(file.Seed));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void AMissingFileFailsClearly() =>
        Assert.Contains("does not exist", Assert.Throws<FileNotFoundException>(() => StateFile.Load(Path.Combine(directory, "none.json"))).Message);

    [Fact]
    public void AnIncompleteSeedFailsClearly()
    {
        var path = Path.Combine(directory, "bad.json");
        File.WriteAllText(path, """{"region":"us-east-1","appPort":48081}""");
        Assert.Contains("accessKeyId", Assert.Throws<InvalidDataException>(() => StateFile.Load(path)).Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
