namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// An expected failure with a message fit for the user (no stack trace, no record values) and
/// the exit code to leave with.
/// </summary>
internal sealed class CommandFailure : Exception
{
    public CommandFailure(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public CommandFailure() { }

    public CommandFailure(string message)
        : base(message) { }

    public CommandFailure(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>The process exit code (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; } = ExitCodes.InternalError;
}
