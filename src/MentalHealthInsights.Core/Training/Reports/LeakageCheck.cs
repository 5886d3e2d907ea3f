namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// The leakage guard: every feature column alone, scored by its cross-validated ROC AUC on the
/// training part. A single column that almost determines the target is more likely a copy of
/// it (or an outcome recorded after it) than a real predictor.
/// </summary>
public sealed record LeakageCheck
{
    /// <summary>The AUC at or above which a column is suspected (default 0.95).</summary>
    public required double AucThreshold { get; init; }

    /// <summary>Every feature column, in feature order.</summary>
    public required IReadOnlyList<LeakageColumnResult> Columns { get; init; }

    /// <summary>The suspected columns, highest AUC first; empty when the guard did not fire.</summary>
    public required IReadOnlyList<string> SuspectedColumns { get; init; }

    /// <summary>True when the run continued despite suspected leakage (AllowSuspectedLeakage).</summary>
    public required bool Overridden { get; init; }

    /// <summary>A plain sentence naming the suspected columns and their AUCs; null when none.</summary>
    public string? Message { get; init; }

    /// <summary>True when at least one column is suspected.</summary>
    public bool Fired => SuspectedColumns.Count > 0;
}
