namespace MentalHealthInsights.Core.Scoring.PredictionLog;

/// <summary>
/// One logged prediction (API or batch): what monitoring reads. It holds the model's input
/// features (needed for drift) but never the raw identifier: <see cref="SubjectKey"/> is a keyed
/// hash of User_ID (see <see cref="SubjectPseudonymiser"/>), null when no id was given.
/// Records describe people's mental health: never log their values.
/// </summary>
public sealed record PredictionLogEntry
{
    /// <summary>Store-assigned sequence number (0 before it is stored); increases with insertion order.</summary>
    public long Id { get; init; }

    /// <summary>When the prediction was made (from the host's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Registered model name, or the bundle's model name when served from a path.</summary>
    public required string ModelName { get; init; }

    /// <summary>Registry version ("3"), or "bundle" when served from a path.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>Pseudonymised User_ID (keyed hash, lowercase hex); null when the request had none.</summary>
    public string? SubjectKey { get; init; }

    /// <summary>Request id (API) or batch job id; correlates with structured logs.</summary>
    public required string RequestId { get; init; }

    /// <summary>Where the prediction came from: "api" or "batch".</summary>
    public required string Source { get; init; }

    /// <summary>Age in years; NaN when missing.</summary>
    public double Age { get; init; } = double.NaN;

    /// <summary>Canonical gender.</summary>
    public required string Gender { get; init; }

    /// <summary>Canonical occupation.</summary>
    public required string Occupation { get; init; }

    /// <summary>Canonical country.</summary>
    public required string Country { get; init; }

    /// <summary>Consultation_History = Yes; null when missing.</summary>
    public bool? ConsultationHistory { get; init; }

    /// <summary>Canonical stress level, or null when missing.</summary>
    public string? StressLevel { get; init; }

    /// <summary>Sleep hours per day; NaN when missing.</summary>
    public double SleepHours { get; init; } = double.NaN;

    /// <summary>Work hours per week; NaN when missing.</summary>
    public double WorkHours { get; init; } = double.NaN;

    /// <summary>Physical activity hours per week; NaN when missing.</summary>
    public double PhysicalActivityHours { get; init; } = double.NaN;

    /// <summary>The model's probability.</summary>
    public required double Probability { get; init; }

    /// <summary>The model's label (probability ≥ threshold).</summary>
    public required bool Label { get; init; }

    /// <summary>The threshold used.</summary>
    public required double Threshold { get; init; }

    /// <summary>The observed outcome (Mental_Health_Condition = Yes), attached later; null until then.</summary>
    public bool? Outcome { get; init; }

    /// <summary>When the outcome was attached; null until then.</summary>
    public DateTimeOffset? OutcomeAt { get; init; }
}
