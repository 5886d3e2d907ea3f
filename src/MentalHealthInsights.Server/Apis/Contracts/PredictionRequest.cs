using System.ComponentModel;
using System.Text.Json.Serialization;

namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>
/// One record to score, keyed by the dataset's column names (documents the body; the server
/// reads it with <c>RecordJsonReader</c>). All nine features are required; null = unknown.
/// </summary>
internal sealed record PredictionRequest
{
    [JsonPropertyName("User_ID")]
    [Description(
        "Optional identifier; stored only as a keyed hash, so outcomes can be attached later."
    )]
    public string? UserId { get; init; }

    [JsonPropertyName("Age")]
    [Description("Age in years, 16–100.")]
    public double? Age { get; init; }

    [JsonPropertyName("Gender")]
    [Description(
        "Female, Male, Non-binary, Prefer not to say; other values are mapped to Other and flagged."
    )]
    public string? Gender { get; init; }

    [JsonPropertyName("Occupation")]
    [Description("IT, Healthcare, Engineering, Finance, Sales, Education, Other.")]
    public string? Occupation { get; init; }

    [JsonPropertyName("Country")]
    [Description("USA, UK, Canada, Germany, India, Australia, Other.")]
    public string? Country { get; init; }

    [JsonPropertyName("Consultation_History")]
    [Description("Yes or No (or true/false).")]
    public string? ConsultationHistory { get; init; }

    [JsonPropertyName("Stress_Level")]
    [Description("Low, Medium or High.")]
    public string? StressLevel { get; init; }

    [JsonPropertyName("Sleep_Hours")]
    [Description("Sleep hours per day, 0–24.")]
    public double? SleepHours { get; init; }

    [JsonPropertyName("Work_Hours")]
    [Description("Work hours per week, 0–168.")]
    public double? WorkHours { get; init; }

    [JsonPropertyName("Physical_Activity_Hours")]
    [Description("Physical activity hours per week, 0–168.")]
    public double? PhysicalActivityHours { get; init; }
}
