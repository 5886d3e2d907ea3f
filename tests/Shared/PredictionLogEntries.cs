using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.TestSupport;

/// <summary>Prediction-log entries for tests that only care about the subject and the time.</summary>
public static class PredictionLogEntries
{
    /// <summary>An API prediction of model m/1 for <paramref name="subject"/> at <paramref name="at"/>, other fields fixed.</summary>
    public static PredictionLogEntry Minimal(string? subject, DateTimeOffset at) =>
        new()
        {
            Timestamp = at,
            ModelName = "m",
            ModelVersion = "1",
            SubjectKey = subject,
            RequestId = "r",
            Source = "api",
            Gender = "Female",
            Occupation = "IT",
            Country = "UK",
            Probability = 0.5,
            Label = true,
            Threshold = 0.5,
        };
}
