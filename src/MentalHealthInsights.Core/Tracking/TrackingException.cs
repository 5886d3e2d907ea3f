namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// A tracking, registry or artifact operation failed for a reason the caller can act on. Carries
/// MLflow's error code so local and remote stores fail the same way. Messages name ids, keys and
/// paths, never dataset record values.
/// </summary>
public sealed class TrackingException : Exception
{
    /// <summary>Creates an exception with <see cref="TrackingErrorCode.InternalError"/>.</summary>
    public TrackingException()
        : this(TrackingErrorCode.InternalError, "Tracking operation failed.") { }

    /// <summary>Creates an exception with <see cref="TrackingErrorCode.InternalError"/>.</summary>
    public TrackingException(string message)
        : this(TrackingErrorCode.InternalError, message) { }

    /// <summary>Creates an exception with <see cref="TrackingErrorCode.InternalError"/>.</summary>
    public TrackingException(string message, Exception innerException)
        : this(TrackingErrorCode.InternalError, message, innerException) { }

    /// <summary>Creates an exception with an error code and a message.</summary>
    public TrackingException(TrackingErrorCode errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    /// <summary>Creates an exception with an error code, a message and the underlying cause.</summary>
    public TrackingException(TrackingErrorCode errorCode, string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
    }

    /// <summary>What went wrong, in MLflow's vocabulary.</summary>
    public TrackingErrorCode ErrorCode { get; }

    /// <summary>MLflow's wire name of <see cref="ErrorCode"/>, e.g. <c>INVALID_PARAMETER_VALUE</c>.</summary>
    public string MlflowErrorCode => ErrorCode.ToMlflowName();

    internal static TrackingException InvalidParameter(string message) =>
        new(TrackingErrorCode.InvalidParameterValue, message);
}
