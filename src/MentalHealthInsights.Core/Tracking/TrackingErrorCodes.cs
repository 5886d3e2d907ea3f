namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// Maps <see cref="TrackingErrorCode"/> to and from MLflow's wire names (<c>"INVALID_PARAMETER_VALUE"</c>)
/// and HTTP statuses (<c>mlflow/exceptions.py</c> <c>ERROR_CODE_TO_HTTP_STATUS</c>).
/// </summary>
public static class TrackingErrorCodes
{
    /// <summary>MLflow's name for <paramref name="code"/>, e.g. <c>RESOURCE_DOES_NOT_EXIST</c>.</summary>
    public static string ToMlflowName(this TrackingErrorCode code) =>
        code switch
        {
            TrackingErrorCode.InvalidParameterValue => "INVALID_PARAMETER_VALUE",
            TrackingErrorCode.ResourceAlreadyExists => "RESOURCE_ALREADY_EXISTS",
            TrackingErrorCode.ResourceDoesNotExist => "RESOURCE_DOES_NOT_EXIST",
            TrackingErrorCode.BadRequest => "BAD_REQUEST",
            TrackingErrorCode.InvalidState => "INVALID_STATE",
            TrackingErrorCode.ResourceConflict => "RESOURCE_CONFLICT",
            TrackingErrorCode.Unauthenticated => "UNAUTHENTICATED",
            TrackingErrorCode.PermissionDenied => "PERMISSION_DENIED",
            TrackingErrorCode.RequestLimitExceeded => "REQUEST_LIMIT_EXCEEDED",
            TrackingErrorCode.TemporarilyUnavailable => "TEMPORARILY_UNAVAILABLE",
            TrackingErrorCode.NotImplemented => "NOT_IMPLEMENTED",
            _ => "INTERNAL_ERROR",
        };

    /// <summary>
    /// The code for an MLflow error name; unknown names map to <see cref="TrackingErrorCode.InternalError"/>.
    /// Synonyms MLflow also emits (<c>NOT_FOUND</c>, <c>ALREADY_EXISTS</c>, …) map to the closest code.
    /// </summary>
    public static TrackingErrorCode FromMlflowName(string? name) =>
        name switch
        {
            "INVALID_PARAMETER_VALUE" => TrackingErrorCode.InvalidParameterValue,
            "RESOURCE_ALREADY_EXISTS" or "ALREADY_EXISTS" =>
                TrackingErrorCode.ResourceAlreadyExists,
            "RESOURCE_DOES_NOT_EXIST" or "NOT_FOUND" => TrackingErrorCode.ResourceDoesNotExist,
            "BAD_REQUEST" => TrackingErrorCode.BadRequest,
            "INVALID_STATE" => TrackingErrorCode.InvalidState,
            "RESOURCE_CONFLICT" or "ABORTED" => TrackingErrorCode.ResourceConflict,
            "UNAUTHENTICATED" => TrackingErrorCode.Unauthenticated,
            "PERMISSION_DENIED" => TrackingErrorCode.PermissionDenied,
            "REQUEST_LIMIT_EXCEEDED" or "RESOURCE_EXHAUSTED" =>
                TrackingErrorCode.RequestLimitExceeded,
            "TEMPORARILY_UNAVAILABLE" => TrackingErrorCode.TemporarilyUnavailable,
            "NOT_IMPLEMENTED" or "ENDPOINT_NOT_FOUND" => TrackingErrorCode.NotImplemented,
            _ => TrackingErrorCode.InternalError,
        };

    /// <summary>The HTTP status MLflow answers with for <paramref name="code"/> (note: already-exists is 400).</summary>
    public static int ToHttpStatus(this TrackingErrorCode code) =>
        code switch
        {
            TrackingErrorCode.InvalidParameterValue
            or TrackingErrorCode.ResourceAlreadyExists
            or TrackingErrorCode.BadRequest => 400,
            TrackingErrorCode.Unauthenticated => 401,
            TrackingErrorCode.PermissionDenied => 403,
            TrackingErrorCode.ResourceDoesNotExist => 404,
            TrackingErrorCode.ResourceConflict => 409,
            TrackingErrorCode.RequestLimitExceeded => 429,
            TrackingErrorCode.NotImplemented => 501,
            TrackingErrorCode.TemporarilyUnavailable => 503,
            _ => 500,
        };
}
