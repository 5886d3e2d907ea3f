namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// MLflow's error codes (<c>mlflow/protos/databricks.proto</c>), shared by every tracking,
/// registry and artifact adapter so callers handle one set of failures whichever store is behind
/// the port. <see cref="TrackingErrorCodes"/> maps them to MLflow's wire names and HTTP statuses.
/// </summary>
public enum TrackingErrorCode
{
    /// <summary>Anything not covered below (<c>INTERNAL_ERROR</c>, HTTP 500).</summary>
    InternalError,

    /// <summary>A malformed or out-of-range argument (<c>INVALID_PARAMETER_VALUE</c>, HTTP 400).</summary>
    InvalidParameterValue,

    /// <summary>A create of something that exists (<c>RESOURCE_ALREADY_EXISTS</c>, HTTP 400 in MLflow).</summary>
    ResourceAlreadyExists,

    /// <summary>A read or write of something that does not exist (<c>RESOURCE_DOES_NOT_EXIST</c>, HTTP 404).</summary>
    ResourceDoesNotExist,

    /// <summary>A request the server could not process (<c>BAD_REQUEST</c>, HTTP 400).</summary>
    BadRequest,

    /// <summary>The store is in a state that forbids the operation (<c>INVALID_STATE</c>, HTTP 500).</summary>
    InvalidState,

    /// <summary>Concurrent modification (<c>RESOURCE_CONFLICT</c>, HTTP 409).</summary>
    ResourceConflict,

    /// <summary>Credentials missing or wrong (<c>UNAUTHENTICATED</c>, HTTP 401).</summary>
    Unauthenticated,

    /// <summary>Authenticated but not allowed (<c>PERMISSION_DENIED</c>, HTTP 403).</summary>
    PermissionDenied,

    /// <summary>Rate limited (<c>REQUEST_LIMIT_EXCEEDED</c>, HTTP 429).</summary>
    RequestLimitExceeded,

    /// <summary>The server is down or overloaded (<c>TEMPORARILY_UNAVAILABLE</c>, HTTP 503).</summary>
    TemporarilyUnavailable,

    /// <summary>The endpoint or operation does not exist (<c>ENDPOINT_NOT_FOUND</c>/<c>NOT_IMPLEMENTED</c>).</summary>
    NotImplemented,
}
