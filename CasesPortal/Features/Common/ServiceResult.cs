namespace CasesPortal.Features.Common;

/// <summary>Why an operation was refused: an HTTP-like status and one sentence for the user.</summary>
public sealed record ServiceError(int Status, string Message)
{
    public static ServiceError Invalid(string message) => new(StatusCodes.Status400BadRequest, message);
    public static ServiceError NotFound(string message) => new(StatusCodes.Status404NotFound, message);
    public static ServiceError Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}

/// <summary>The outcome of a feature-service operation, shared by pages and API endpoints.</summary>
public sealed class ServiceResult<T>
{
    private ServiceResult(T? value, ServiceError? error) => (Value, Error) = (value, error);

    public T? Value { get; }
    public ServiceError? Error { get; }
    public bool Succeeded => Error is null;

    public static ServiceResult<T> Ok(T value) => new(value, null);
    public static implicit operator ServiceResult<T>(ServiceError error) => new(default, error);
}
