namespace Cutover;

/// <summary>
/// Remembers every secret value resolved in this process and blanks it out of any text: streams,
/// error messages, journals and reports all pass through <see cref="Redact"/>.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    private readonly object _gate = new();
    private string[] _secrets = [];

    /// <summary>The process-wide redactor.</summary>
    public static SecretRedactor Global { get; } = new();

    public void Register(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
            return;
        lock (_gate)
        {
            if (_secrets.Contains(secret, StringComparer.Ordinal))
                return;
            // Longest first, so that a secret containing another is masked whole.
            _secrets = [.. _secrets.Append(secret).Append(Uri.EscapeDataString(secret)).Distinct().OrderByDescending(s => s.Length)];
        }
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? string.Empty;
        var secrets = _secrets;
        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
