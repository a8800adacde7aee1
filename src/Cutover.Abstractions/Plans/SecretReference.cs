namespace Cutover;

/// <summary>Where a secret comes from.</summary>
public enum SecretSource
{
    /// <summary><c>env:NAME</c>: an environment variable read when the secret is used.</summary>
    Environment,

    /// <summary><c>vault:VaultName/SecretName</c>: a SecretManagement vault.</summary>
    Vault,

    /// <summary>The value itself, written into the plan. Works, but warns.</summary>
    Inline,
}

/// <summary>
/// A reference to a secret as written in a plan. It never shows an inline value: <see cref="ToString"/>
/// gives the reference, and the value is reachable only through a secret resolver.
/// </summary>
public sealed class SecretReference
{
    private readonly string? _inlineValue;

    private SecretReference(SecretSource source, string name, string? inlineValue)
    {
        Source = source;
        Name = name;
        _inlineValue = inlineValue;
    }

    public SecretSource Source { get; }

    /// <summary>The variable name, or <c>VaultName/SecretName</c>; empty for an inline secret.</summary>
    public string Name { get; }

    /// <summary>For a vault reference, the vault's name.</summary>
    public string? VaultName => Source == SecretSource.Vault ? Name[..Name.IndexOf('/')] : null;

    /// <summary>For a vault reference, the secret's name inside the vault.</summary>
    public string? SecretName => Source == SecretSource.Vault ? Name[(Name.IndexOf('/') + 1)..] : null;

    public static SecretReference FromEnvironment(string variable) => new(SecretSource.Environment, variable, null);

    public static SecretReference FromVault(string vault, string secret) => new(SecretSource.Vault, vault + "/" + secret, null);

    public static SecretReference FromInline(string value) => new(SecretSource.Inline, string.Empty, value);

    /// <summary>
    /// Parses <c>env:NAME</c>, <c>vault:Vault/Secret</c> or a plain value. Returns null with a problem when
    /// a reference is malformed.
    /// </summary>
    public static SecretReference? Parse(string text, out string? problem)
    {
        problem = null;
        if (text.StartsWith("env:", StringComparison.OrdinalIgnoreCase))
        {
            var name = text[4..];
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                problem = "'env:' must be followed by an environment variable name (letters, digits, underscore)";
                return null;
            }
            return FromEnvironment(name);
        }
        if (text.StartsWith("vault:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = text[6..];
            var slash = rest.IndexOf('/');
            if (slash <= 0 || slash == rest.Length - 1)
            {
                problem = "a vault reference has the form 'vault:VaultName/SecretName'";
                return null;
            }
            return FromVault(rest[..slash], rest[(slash + 1)..]);
        }
        return FromInline(text);
    }

    /// <summary>The inline value; only secret resolvers call this.</summary>
    public string? RevealInlineValue() => _inlineValue;

    public override string ToString() => Source switch
    {
        SecretSource.Environment => "env:" + Name,
        SecretSource.Vault => "vault:" + Name,
        _ => "<inline secret>",
    };
}
