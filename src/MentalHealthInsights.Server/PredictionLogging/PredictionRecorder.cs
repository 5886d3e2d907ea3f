using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Server.Serving;

namespace MentalHealthInsights.Server.PredictionLogging;

/// <summary>
/// Turns an API prediction into a prediction log entry — pseudonymising User_ID with the keyed
/// hash — and queues it, stamped with the server's clock or an authorised replay's event time
/// (X-Event-Time). Never blocks and never throws for a full queue.
/// </summary>
internal sealed class PredictionRecorder(
    PredictionLogQueue queue,
    SubjectPseudonymiser? pseudonymiser,
    TimeProvider time
)
{
    /// <summary>The pseudonymiser, or null when the log is off.</summary>
    public SubjectPseudonymiser? Pseudonymiser => pseudonymiser;

    public void Record(
        ServedModel model,
        MentalHealthRecord record,
        bool hasUserId,
        double probability,
        bool label,
        string requestId,
        DateTimeOffset? eventTime = null
    )
    {
        if (!queue.Enabled)
        {
            return;
        }
        queue.TryEnqueue(
            new PredictionLogEntry
            {
                Timestamp = eventTime ?? time.GetUtcNow(),
                ModelName = model.Name,
                ModelVersion = model.VersionText,
                SubjectKey = hasUserId ? pseudonymiser?.Pseudonymise(record.UserId) : null,
                RequestId = requestId,
                Source = "api",
                Age = record.Age,
                Gender = record.Gender,
                Occupation = record.Occupation,
                Country = record.Country,
                ConsultationHistory = record.ConsultationHistory,
                StressLevel = record.StressLevel,
                SleepHours = record.SleepHours,
                WorkHours = record.WorkHours,
                PhysicalActivityHours = record.PhysicalActivityHours,
                Probability = probability,
                Label = label,
                Threshold = model.Predictor.Threshold,
            }
        );
    }
}
