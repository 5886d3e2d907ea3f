using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Training.Explanations;
using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.PredictionLogging;
using MentalHealthInsights.Server.Validation;

namespace MentalHealthInsights.Server.Serving;

/// <summary>
/// Scores validated records with a leased model, counts them in the metrics and queues them for
/// the prediction log: the one scoring path of the single, batch and page requests.
/// </summary>
internal sealed partial class PredictionService(
    ModelSlot slot,
    ServingOptions options,
    ServerMetrics metrics,
    PredictionRecorder recorder,
    ILogger<PredictionService> logger
)
{
    /// <summary>Counts and logs a rejected record: the field names only, never the values.</summary>
    public void Rejected(FieldErrors errors)
    {
        metrics.InvalidRecords.Inc();
        LogRejected(logger, errors.Count, errors.FieldList);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Record rejected: {ErrorCount} invalid fields ({Fields})"
    )]
    private static partial void LogRejected(ILogger logger, int errorCount, string fields);

    public ServingOptions Options => options;

    public ServerMetrics Metrics => metrics;

    public ModelSlot Slot => slot;

    /// <summary>
    /// Scores one record, explaining it with <paramref name="top"/> factors (0 = no explanation);
    /// the log entry is stamped <paramref name="eventTime"/> when given (an authorised replay), else now.
    /// </summary>
    public PredictionResult Score(
        ServedModel model,
        ParsedRecord parsed,
        int top,
        string requestId,
        DateTimeOffset? eventTime = null
    )
    {
        var record = parsed.Record;
        double probability;
        IReadOnlyList<FactorResponse>? factors = null;
        IReadOnlyList<string> unseen;
        if (top > 0)
        {
            var prediction = model.Predictor.Predict(record, top);
            probability = prediction.Probability;
            factors = ToFactors(prediction.TopFactors);
            unseen = prediction.UnknownColumns;
        }
        else
        {
            var preprocessor = model.Predictor.Preprocessor;
            Span<float> row = stackalloc float[preprocessor.OutputWidth];
            var unknownMask = preprocessor.Transform(record, row);
            probability = model.Predictor.Model.Predict(row);
            unseen = unknownMask == 0 ? [] : preprocessor.GetUnknownColumns(unknownMask);
        }
        var label = probability >= model.Predictor.Threshold;
        metrics.Predicted(probability, label);
        recorder.Record(model, record, parsed.HasUserId, probability, label, requestId, eventTime);
        return new PredictionResult(
            probability,
            label,
            model.Predictor.Threshold,
            factors,
            Merge(parsed.MappedToOther, unseen)
        );
    }

    /// <summary>The probability alone (what-if points: not logged, not counted as predictions).</summary>
    public static double Probability(ServedModel model, MentalHealthRecord record) =>
        model.Predictor.PredictProbability(record);

    private static FactorResponse[] ToFactors(IReadOnlyList<ExplanationFactor> factors)
    {
        var result = new FactorResponse[factors.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var f = factors[i];
            result[i] = new FactorResponse(
                f.Column,
                f.Value,
                f.Direction == FactorDirection.Up ? "raises" : "lowers",
                f.LogOdds,
                f.Sentence
            );
        }
        return result;
    }

    private static IReadOnlyList<string> Merge(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (b.Count == 0)
        {
            return a;
        }
        if (a.Count == 0)
        {
            return b;
        }
        var merged = new List<string>(a);
        foreach (var column in b)
        {
            if (!merged.Contains(column))
            {
                merged.Add(column);
            }
        }
        return merged;
    }
}
