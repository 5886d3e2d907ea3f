namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>The alert configuration is invalid; <see cref="Exception.Message"/> lists every problem, one per line.</summary>
public sealed class AlertPolicyException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public AlertPolicyException(IReadOnlyList<string> problems)
        : base(
            "Invalid alert configuration:"
                + Environment.NewLine
                + "  "
                + string.Join(Environment.NewLine + "  ", problems ?? [])
        )
    {
        Problems = problems ?? [];
    }

    /// <summary>Creates the exception with one message.</summary>
    public AlertPolicyException()
        : this(["unknown problem"]) { }

    /// <summary>Creates the exception with one message.</summary>
    public AlertPolicyException(string message)
        : this([message]) { }

    /// <summary>Creates the exception with one message and its cause.</summary>
    public AlertPolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every problem found, as sentences.</summary>
    public IReadOnlyList<string> Problems { get; }
}
