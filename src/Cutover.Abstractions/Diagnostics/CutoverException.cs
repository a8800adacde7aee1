namespace Cutover;

/// <summary>
/// An engine failure with what the cmdlet layer needs to report it: a stable id, a kind, the target,
/// a recommended action and whether retrying can help.
/// </summary>
public class CutoverException : Exception
{
    public CutoverException(string errorId, CutoverErrorKind kind, string message, object? target = null,
        string? recommendedAction = null, bool isTransient = false, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
        RecommendedAction = recommendedAction;
        IsTransient = isTransient;
    }

    public string ErrorId { get; }
    public CutoverErrorKind Kind { get; }
    public object? Target { get; }
    public string? RecommendedAction { get; }
    public bool IsTransient { get; }
}
