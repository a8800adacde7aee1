using System.Management.Automation;

namespace Cutover.Commands.Hosting;

/// <summary>The one place engine exceptions become PowerShell error records.</summary>
internal static class ErrorRecordFactory
{
    public static ErrorRecord Create(CutoverException error, SecretRedactor redactor)
    {
        var safe = Sanitize(error, redactor);
        var record = new ErrorRecord(safe, safe.ErrorId, Category(safe.Kind), safe.Target);
        if (safe.RecommendedAction is not null)
            record.ErrorDetails = new ErrorDetails(safe.Message) { RecommendedAction = safe.RecommendedAction };
        return record;
    }

    public static ErrorRecord Create(Exception error, SecretRedactor redactor, object? target = null) => error switch
    {
        CutoverException cutover => Create(cutover, redactor),
        OperationCanceledException => Create(new CutoverException(CutoverErrorIds.OperationCancelled, CutoverErrorKind.OperationStopped,
            "The operation was stopped before it finished.", target), redactor),
        _ => Create(new CutoverException(CutoverErrorIds.Unexpected, CutoverErrorKind.InvalidOperation,
            $"Unexpected {error.GetType().Name}: {error.Message}", target, innerException: error), redactor),
    };

    /// <summary>
    /// A copy whose message and recommendation carry no secret. The inner exception is dropped when
    /// anything in its chain would show one.
    /// </summary>
    private static CutoverException Sanitize(CutoverException error, SecretRedactor redactor)
    {
        var message = redactor.Redact(error.Message);
        var recommendation = error.RecommendedAction is null ? null : redactor.Redact(error.RecommendedAction);
        var innerIsClean = true;
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
            innerIsClean &= redactor.Redact(inner.Message) == inner.Message && redactor.Redact(inner.StackTrace) == (inner.StackTrace ?? string.Empty);
        if (message == error.Message && recommendation == error.RecommendedAction && innerIsClean)
            return error;
        return error is PlanValidationException
            ? error
            : new CutoverException(error.ErrorId, error.Kind, message, error.Target, recommendation, error.IsTransient,
                innerIsClean ? error.InnerException : null);
    }

    private static ErrorCategory Category(CutoverErrorKind kind) => kind switch
    {
        CutoverErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        CutoverErrorKind.InvalidData => ErrorCategory.InvalidData,
        CutoverErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        CutoverErrorKind.ConnectionError => ErrorCategory.ConnectionError,
        CutoverErrorKind.OperationTimeout => ErrorCategory.OperationTimeout,
        CutoverErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        CutoverErrorKind.ResourceBusy => ErrorCategory.ResourceBusy,
        CutoverErrorKind.OperationStopped => ErrorCategory.OperationStopped,
        CutoverErrorKind.NotImplemented => ErrorCategory.NotImplemented,
        CutoverErrorKind.ProtocolError => ErrorCategory.ProtocolError,
        _ => ErrorCategory.InvalidOperation,
    };
}
