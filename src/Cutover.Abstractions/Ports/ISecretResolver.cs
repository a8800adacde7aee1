namespace Cutover;

/// <summary>Turns a plan's secret reference into its value, or says why it cannot.</summary>
public interface ISecretResolver
{
    /// <summary>The value; throws a <see cref="CutoverException"/> with <see cref="CutoverErrorIds.SecretUnresolved"/>.</summary>
    string Resolve(SecretReference reference, string field);
}
