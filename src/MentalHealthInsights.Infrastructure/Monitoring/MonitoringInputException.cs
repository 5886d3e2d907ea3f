namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>The monitoring inputs cannot be used (unreadable file, no valid rows, empty window); the message names the input, never record values.</summary>
public sealed class MonitoringInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MonitoringInputException() { }

    /// <summary>Creates the exception with a message.</summary>
    public MonitoringInputException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MonitoringInputException(string message, Exception innerException)
        : base(message, innerException) { }
}
