namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>
/// The monitoring store failed after the run's report files were written and its tracking run
/// logged (<see cref="MonitoringJob"/> hands the snapshot to the alert service last). Callers can
/// say the report exists; any other I/O failure of the job happened before it did.
/// </summary>
public sealed class MonitoringStoreException : IOException
{
    /// <summary>Creates the exception.</summary>
    public MonitoringStoreException() { }

    /// <summary>Creates the exception with a message.</summary>
    public MonitoringStoreException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MonitoringStoreException(string message, Exception innerException)
        : base(message, innerException) { }
}
