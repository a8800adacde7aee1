namespace Cutover;

/// <summary>
/// An error answered by an AWS service: the service's own error code (e.g. <c>RuleNotFound</c>, <c>Throttling</c>)
/// is in <see cref="AwsErrorCode"/> and in the message. Throttling and 5xx answers are transient.
/// </summary>
public sealed class AwsServiceException : CutoverException
{
    public AwsServiceException(string awsErrorCode, string awsMessage, int httpStatus, string? requestId, string operation,
        object? target, bool isTransient, string? recommendedAction = null)
        : base(CutoverErrorIds.AwsServiceError, KindOf(awsErrorCode, httpStatus),
            $"AWS {operation} failed with {awsErrorCode} (HTTP {httpStatus}): {awsMessage}{(requestId is null ? "" : $" [request {requestId}]")}",
            target, recommendedAction, isTransient)
    {
        AwsErrorCode = awsErrorCode;
        HttpStatus = httpStatus;
        RequestId = requestId;
        Operation = operation;
    }

    public string AwsErrorCode { get; }
    public int HttpStatus { get; }
    public string? RequestId { get; }
    public string Operation { get; }

    private static CutoverErrorKind KindOf(string code, int status) => code switch
    {
        _ when code.EndsWith("NotFound", StringComparison.Ordinal) => CutoverErrorKind.ObjectNotFound,
        "AccessDenied" or "InvalidClientTokenId" or "SignatureDoesNotMatch" or "IncompleteSignature" or "MissingAuthenticationToken"
            or "RequestExpired" or "ExpiredToken" or "UnrecognizedClientException" => CutoverErrorKind.PermissionDenied,
        _ when status >= 500 => CutoverErrorKind.ConnectionError,
        _ when code.Contains("Thrott", StringComparison.Ordinal) => CutoverErrorKind.ResourceBusy,
        _ => CutoverErrorKind.InvalidOperation,
    };
}
