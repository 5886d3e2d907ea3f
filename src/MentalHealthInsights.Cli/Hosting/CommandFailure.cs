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
    /// of a location), told as <see cref="UserMessage"/> tells it.
    /// </summary>
    public static CommandFailure Usage(Exception exception) =>
        new(ExitCodes.Usage, UserMessage(exception), exception);

    /// <summary>
    /// The exception's message without what .NET appends to an <see cref="ArgumentException"/>'s:
    /// " (Parameter 'name')" and, for <see cref="ArgumentOutOfRangeException"/>, the actual
    /// value's line. The parameter is the name of a C# variable the user never saw (e.g.
    /// "options"). The suffix is built by the runtime itself, so its wording (and language) always
    /// matches the message's.
    /// </summary>
    public static string UserMessage(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not ArgumentException { ParamName: not null } argument)
        {
            return exception.Message;
        }

        var suffix = argument is ArgumentOutOfRangeException range
            ? new ArgumentOutOfRangeException(
                range.ParamName,
                range.ActualValue,
                string.Empty
            ).Message
            : new ArgumentException(string.Empty, argument.ParamName).Message;
        var message = argument.Message;
        return suffix.Length > 0 && message.EndsWith(suffix, StringComparison.Ordinal)
            ? message[..^suffix.Length]
            : message;
    }

    /// <summary>The process exit code (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; } = ExitCodes.InternalError;
}
