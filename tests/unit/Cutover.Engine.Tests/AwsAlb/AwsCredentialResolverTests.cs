using Cutover.Engine.Traffic.AwsAlb;

namespace Cutover.Engine.Tests.AwsAlb;

/// <summary>Changes process environment variables, so its tests run one after another and restore them.</summary>
[Collection(nameof(AwsEnvironmentCollection))]
public sealed class AwsCredentialResolverTests : IDisposable
{
    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
        "AWS_EC2_METADATA_DISABLED", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    ];

    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    // AWSSDK.Core remembers the files' paths process-wide, so every test uses the same directory (a collection fixture).
    private readonly string _dir;

    public AwsCredentialResolverTests(AwsProfileDirectory profiles)
    {
        _dir = profiles.Path;
        foreach (var variable in Variables)
            Environment.SetEnvironmentVariable(variable, null);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        // Written once and never changed: the SDK may cache what it read.
        File.WriteAllText(Path.Combine(_dir, "credentials"), "[cutover]\naws_access_key_id = AKIDFROMPROFILE\naws_secret_access_key = profileSecretKey/EXAMPLE\n");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(_dir, "config"));
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_dir, "credentials"));
    }

    public void Dispose()
    {
        foreach (var (variable, value) in _saved)
            Environment.SetEnvironmentVariable(variable, value);
    }

    [Fact]
    public async Task A_named_profile_that_cannot_be_loaded_is_an_error_even_when_the_environment_has_keys()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "environmentSecretKey/EXAMPLE");

        var e = await Assert.ThrowsAsync<CutoverException>(() => AwsCredentialResolver.ResolveAsync("prod-cutover", new SecretRedactor(), CancellationToken.None));

        Assert.Equal(CutoverErrorIds.AwsCredentialsUnavailable, e.ErrorId);
        Assert.Contains("prod-cutover", e.Message);
    }

    [Fact]
    public async Task The_default_chain_takes_keys_from_the_environment_and_registers_the_secret()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "environmentSecretKey/EXAMPLE");
        var redactor = new SecretRedactor();

        var credentials = await AwsCredentialResolver.ResolveAsync(null, redactor, CancellationToken.None);

        Assert.Equal("AKIDFROMENVIRONMENT", (await credentials.GetCredentialsAsync()).AccessKey);
        Assert.Equal("key ***", redactor.Redact("key environmentSecretKey/EXAMPLE"));
    }

    [Fact]
    public async Task A_named_profile_from_the_shared_credentials_file_wins_over_the_environment()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "environmentSecretKey/EXAMPLE");

        var credentials = await AwsCredentialResolver.ResolveAsync("cutover", new SecretRedactor(), CancellationToken.None);

        Assert.Equal("AKIDFROMPROFILE", (await credentials.GetCredentialsAsync()).AccessKey);
    }

    [Fact]
    public async Task No_source_at_all_is_an_error()
    {
        var e = await Assert.ThrowsAsync<CutoverException>(() => AwsCredentialResolver.ResolveAsync(null, new SecretRedactor(), CancellationToken.None));
        Assert.Equal(CutoverErrorIds.AwsCredentialsUnavailable, e.ErrorId);
    }
}

[CollectionDefinition(nameof(AwsEnvironmentCollection), DisableParallelization = true)]
public sealed class AwsEnvironmentCollection : ICollectionFixture<AwsProfileDirectory>;

/// <summary>The profile files' directory for the whole collection, removed after its last test.</summary>
public sealed class AwsProfileDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cutover-aws-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
