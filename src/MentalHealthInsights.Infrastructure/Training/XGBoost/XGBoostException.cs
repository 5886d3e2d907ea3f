namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// An XGBoost library call failed. <see cref="Exception.Message"/> is the library's own error
/// text without its timestamp and native stack trace; <see cref="NativeMessage"/> keeps the
/// text exactly as the library returned it (for logs). Neither contains training data: the
/// binding validates data before it reaches the library.
/// </summary>
public class XGBoostException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public XGBoostException()
        : this("The XGBoost library reported an error.") { }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    public XGBoostException(string message)
        : base(message) => NativeMessage = message;

    /// <summary>Creates an exception with <paramref name="message"/> and its cause.</summary>
    public XGBoostException(string message, Exception innerException)
        : base(message, innerException) => NativeMessage = message;

    private XGBoostException(string message, string nativeMessage)
        : base(message) => NativeMessage = nativeMessage;

    /// <summary>The unedited text from <c>XGBGetLastError</c> (may include a native stack trace).</summary>
    public string NativeMessage { get; }

    /// <summary>Builds the exception from the library's thread-local last error.</summary>
    internal static XGBoostException FromNative(string? nativeMessage)
    {
        var raw = string.IsNullOrWhiteSpace(nativeMessage)
            ? "The XGBoost library reported an error without a message."
            : nativeMessage;
        return new XGBoostException(Clean(raw), raw);
    }

    /// <summary>
    /// Drops the "[hh:mm:ss] " prefix and the "Stack trace:" block dmlc appends, so that users see
    /// the reason, not native frames.
    /// </summary>
    internal static string Clean(string raw)
    {
        var text = raw;
        var stack = text.IndexOf("Stack trace:", StringComparison.Ordinal);
        if (stack >= 0)
        {
            text = text[..stack];
        }

        text = text.Trim();
        if (text.Length > 11 && text[0] == '[' && text[9] == ']' && text[10] == ' ')
        {
            text = text[11..];
        }

        return text.Length == 0 ? raw.Trim() : text;
    }
}
