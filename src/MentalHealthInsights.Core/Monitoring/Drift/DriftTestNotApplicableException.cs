namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// A drift test cannot be computed on these samples (e.g. Epps–Singleton with an interquartile
/// range of 0, Fisher's exact test on a non-binary column). The analyzer reports the message as
/// the column's note and leaves the column out of the drifted share; it never reaches the user as
/// a crash. Messages name reasons and counts, never a record's value.
/// </summary>
public sealed class DriftTestNotApplicableException : Exception
{
    /// <summary>Creates the exception with a reason.</summary>
    public DriftTestNotApplicableException(string message)
        : base(message) { }

    /// <summary>Creates the exception without a reason.</summary>
    public DriftTestNotApplicableException() { }

    /// <summary>Creates the exception with a reason and a cause.</summary>
    public DriftTestNotApplicableException(string message, Exception innerException)
        : base(message, innerException) { }
}
