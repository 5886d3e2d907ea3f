namespace MentalHealthInsights.Core.Data;

/// <summary>
/// One validated row of the dataset. Category values are always canonical spellings from
/// <see cref="DatasetSchema"/> (interned constants, so a record allocates little beyond itself
/// and its <see cref="UserId"/>). Missing numeric values are <see cref="double.NaN"/>; missing
/// optional categories are <see langword="null"/>. Records describe people's mental health:
/// never log their values.
/// </summary>
public sealed record MentalHealthRecord
{
    /// <summary>The identifier as given in the source (pseudonymise before storing beside predictions).</summary>
    public required string UserId { get; init; }

    /// <summary>Age in years; NaN when missing.</summary>
    public double Age { get; init; } = double.NaN;

    /// <summary>Canonical gender (unknown values are <see cref="DatasetSchema.Other"/>).</summary>
    public required string Gender { get; init; }

    /// <summary>Canonical occupation (unknown values are <see cref="DatasetSchema.Other"/>).</summary>
    public required string Occupation { get; init; }

    /// <summary>Canonical country (unknown values are <see cref="DatasetSchema.Other"/>).</summary>
    public required string Country { get; init; }

    /// <summary>The target: Mental_Health_Condition = Yes.</summary>
    public required bool HasCondition { get; init; }

    /// <summary>Canonical severity (None/Low/Medium/High), or null when missing. An outcome, never a feature.</summary>
    public string? Severity { get; init; }

    /// <summary>Consultation_History = Yes; null when missing.</summary>
    public bool? ConsultationHistory { get; init; }

    /// <summary>Canonical stress level (Low/Medium/High), or null when missing.</summary>
    public string? StressLevel { get; init; }

    /// <summary>Sleep hours per day; NaN when missing.</summary>
    public double SleepHours { get; init; } = double.NaN;

    /// <summary>Work hours per week; NaN when missing.</summary>
    public double WorkHours { get; init; } = double.NaN;

    /// <summary>Physical activity hours per week; NaN when missing.</summary>
    public double PhysicalActivityHours { get; init; } = double.NaN;
}
