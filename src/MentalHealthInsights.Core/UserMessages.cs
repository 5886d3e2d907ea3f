namespace MentalHealthInsights.Core;

/// <summary>Exception messages as a user reads them (the CLI's errors, a pipeline run's step failures).</summary>
public static class UserMessages
{
    /// <summary>
    /// The exception's message without what .NET appends to an <see cref="ArgumentException"/>'s:
    /// " (Parameter 'name')" and, for <see cref="ArgumentOutOfRangeException"/>, the actual
    /// value's line. The parameter is the name of a C# variable the user never saw (e.g.
    /// "options"). The suffix is built by the runtime itself, so its wording (and language) always
    /// matches the message's.
    /// </summary>
    public static string Of(Exception exception)
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
}
