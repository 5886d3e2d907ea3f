namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// A storage operation failed for a reason the user can act on (no credentials, access denied,
/// endpoint unreachable, bucket missing). The message names the location and the reason, never
/// file contents. An <see cref="IOException"/>, so hosts that report I/O failures as one clear
/// line (the CLI's exit code 2) handle it without special cases. A missing object is a
/// <see cref="FileNotFoundException"/> instead.
/// </summary>
public sealed class StorageException : IOException
{
    /// <summary>Creates an exception with a reason code and a message fit for the user.</summary>
    public StorageException(string reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    /// <summary>Creates an exception with reason <c>error</c>.</summary>
    public StorageException()
        : this("error", "Storage operation failed.") { }

    /// <summary>Creates an exception with reason <c>error</c>.</summary>
    public StorageException(string message)
        : this("error", message) { }

    /// <summary>Creates an exception with reason <c>error</c>.</summary>
    public StorageException(string message, Exception innerException)
        : this("error", message, innerException) { }

    /// <summary>
    /// A short machine-readable reason: <c>access-denied</c>, <c>no-credentials</c>, <c>no-region</c>,
    /// <c>unreachable</c>, <c>no-such-bucket</c>, <c>upload-failed</c>, <c>aborted</c> or <c>error</c>.
    /// </summary>
    public string Reason { get; }
}
