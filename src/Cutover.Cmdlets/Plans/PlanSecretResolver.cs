using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;

namespace Cutover.Commands.Plans;

/// <summary>
/// Resolves a plan's secret references: environment variables when used, vault secrets fetched up
/// front on the pipeline thread (SecretManagement is a PowerShell module), run-time credentials first.
/// Every value it hands out is registered with the redactor.
/// </summary>
internal sealed class PlanSecretResolver : ISecretResolver
{
    private readonly Dictionary<string, string> _vaultValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _vaultProblems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _overrides = new(StringComparer.OrdinalIgnoreCase);
    private readonly SecretRedactor _redactor;

    private PlanSecretResolver(SecretRedactor redactor)
    {
        _redactor = redactor;
    }

    /// <summary>Builds a resolver for the plan; call on the pipeline thread.</summary>
    public static PlanSecretResolver Create(CutoverPlan plan, PSCmdlet cmdlet, SecretRedactor redactor)
    {
        var resolver = new PlanSecretResolver(redactor);
        foreach (var (_, reference) in PlanSecrets.Enumerate(plan).Where(s => s.Reference.Source == SecretSource.Vault))
            resolver.FetchFromVault(reference, cmdlet);
        return resolver;
    }

    /// <summary>A credential given at run time wins over the plan's reference for that field.</summary>
    public void Override(string field, PSCredential? credential)
    {
        if (credential is null)
            return;
        var value = new NetworkCredential(string.Empty, credential.Password).Password;
        _redactor.Register(value);
        _overrides[field] = value;
    }

    public string Resolve(SecretReference reference, string field)
    {
        if (_overrides.TryGetValue(field, out var overridden))
            return overridden;
        var value = reference.Source switch
        {
            SecretSource.Environment => Environment.GetEnvironmentVariable(reference.Name) is { Length: > 0 } v ? v
                : throw Unresolved(field, $"the environment variable {reference.Name} is not set", $"Set {reference.Name} before running, or pass the secret as a credential."),
            SecretSource.Vault => _vaultValues.TryGetValue(reference.Name, out var v) ? v
                : throw Unresolved(field, _vaultProblems.GetValueOrDefault(reference.Name, "the vault secret was not fetched"), "Check the vault and secret names with Get-SecretInfo, and unlock the vault."),
            _ => reference.RevealInlineValue()!,
        };
        _redactor.Register(value);
        return value;
    }

    private void FetchFromVault(SecretReference reference, PSCmdlet cmdlet)
    {
        if (_vaultValues.ContainsKey(reference.Name) || _vaultProblems.ContainsKey(reference.Name))
            return;
        if (cmdlet.InvokeCommand.GetCommand("Get-Secret", CommandTypes.Cmdlet | CommandTypes.Function) is null)
        {
            _vaultProblems[reference.Name] = "Microsoft.PowerShell.SecretManagement is not installed, so vault references cannot be read";
            return;
        }
        try
        {
            var results = cmdlet.InvokeCommand.InvokeScript(
                "param($v, $n) Get-Secret -Vault $v -Name $n -ErrorAction Stop", true, PipelineResultTypes.None, null,
                reference.VaultName, reference.SecretName);
            var value = results.Count == 1 ? results[0].BaseObject switch
            {
                SecureString secure => new NetworkCredential(string.Empty, secure).Password,
                string plain => plain,
                PSCredential credential => new NetworkCredential(string.Empty, credential.Password).Password,
                _ => null,
            } : null;
            if (value is null)
                _vaultProblems[reference.Name] = "the vault secret is not a string, SecureString or PSCredential";
            else
            {
                _redactor.Register(value);
                _vaultValues[reference.Name] = value;
            }
        }
        catch (RuntimeException e)
        {
            _vaultProblems[reference.Name] = $"Get-Secret failed: {e.Message}";
        }
    }

    private static CutoverException Unresolved(string field, string problem, string fix) =>
        new(CutoverErrorIds.SecretUnresolved, CutoverErrorKind.InvalidArgument, $"{field}: {problem}.", field, fix);
}
