using MentalHealthInsights.Core;

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

    private CommandFailure(int exitCode, string message, Exception innerException)
        : base(message, innerException) => ExitCode = exitCode;

    /// <summary>
    /// A usage error (exit 1) from an exception whose message is written for the user (an
    /// <see cref="ArgumentException"/> of an option check, a <see cref="NotSupportedException"/>
    /// of a location), told as <see cref="UserMessages.Of"/> tells it (without .NET's
    /// " (Parameter 'name')").
    /// </summary>
    public static CommandFailure Usage(Exception exception) =>
        new(ExitCodes.Usage, UserMessages.Of(exception), exception);

    /// <summary>The process exit code (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; } = ExitCodes.InternalError;
}
