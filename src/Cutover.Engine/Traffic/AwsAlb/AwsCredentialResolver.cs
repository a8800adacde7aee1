using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// AWS credentials as AWS Tools for PowerShell finds them: an explicitly named profile (from the shared
/// credentials and config files, including assume-role, SSO and credential_process profiles), or else the SDK's
/// default chain (environment, web identity, profile from AWS_PROFILE/default, container, instance metadata).
/// A named profile that cannot be loaded is an error, never a fall-through to another account.
/// The resolved secret key and session token are registered with the redactor.
/// </summary>
public static class AwsCredentialResolver
{
    public static async Task<AWSCredentials> ResolveAsync(string? profileName, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        AWSCredentials credentials;
        if (!string.IsNullOrWhiteSpace(profileName))
        {
            var profiles = new CredentialProfileStoreChain();
            if (!profiles.TryGetAWSCredentials(profileName, out credentials))
                throw Unavailable($"The AWS profile '{profileName}' cannot be loaded (shared credentials file " +
                    $"'{Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials"}', config file " +
                    $"'{Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") ?? "~/.aws/config"}'). A named profile is never replaced by another credential source.",
                    $"Create the profile '{profileName}' (aws configure --profile {profileName}, or aws sso login --profile {profileName}), or name another one.");
        }
        else
        {
            try
            {
                credentials = await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null!, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonClientException e)
            {
                throw Unavailable($"No AWS credentials were found by the default chain (environment, web identity, profile, container, instance metadata): {e.Message}",
                    "Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or give -ProfileName (plan: Traffic.AwsAlb.ProfileName).", e);
            }
        }

        ImmutableCredentials resolved;
        try
        {
            resolved = await credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw Unavailable($"AWS credentials from {SourceName(profileName)} could not be obtained: {e.Message}",
                "Refresh the credentials (e.g. aws sso login) and try again.", e);
        }
        redactor.Register(resolved.SecretKey);
        redactor.Register(resolved.Token);
        return credentials;
    }

    private static string SourceName(string? profileName) =>
        string.IsNullOrWhiteSpace(profileName) ? "the default chain" : $"the profile '{profileName}'";

    private static CutoverException Unavailable(string message, string recommendation, Exception? inner = null) =>
        new(CutoverErrorIds.AwsCredentialsUnavailable, CutoverErrorKind.PermissionDenied, message, "AWS credentials", recommendation,
            innerException: inner);
}
