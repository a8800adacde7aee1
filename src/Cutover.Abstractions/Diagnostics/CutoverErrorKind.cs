namespace Cutover;

/// <summary>What went wrong, in the terms PowerShell's error categories use; mapped once in the cmdlets.</summary>
public enum CutoverErrorKind
{
    InvalidArgument,
    InvalidData,
    ObjectNotFound,
    ConnectionError,
    OperationTimeout,
    PermissionDenied,
    ResourceBusy,
    InvalidOperation,
    OperationStopped,
    NotImplemented,
    ProtocolError,
}
