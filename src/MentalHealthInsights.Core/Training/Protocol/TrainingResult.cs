using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// The outcome of <see cref="TrainingProtocol.Run"/>: the report and the trained models (the
/// baseline first; empty when training stopped for suspected leakage). Disposing it disposes the models.
/// </summary>
public sealed class TrainingResult : IDisposable
{
    /// <summary>Creates the result (takes ownership of the models).</summary>
    public TrainingResult(TrainingReport report, IReadOnlyList<TrainedModel> models)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(models);
        Report = report;
        Models = models;
    }

    /// <summary>The report.</summary>
    public TrainingReport Report { get; }

    /// <summary>The trained models, in the report's order.</summary>
    public IReadOnlyList<TrainedModel> Models { get; }

    /// <summary>The model trained by <paramref name="trainerName"/>, or null.</summary>
    public TrainedModel? Find(string trainerName) =>
        Models.FirstOrDefault(m =>
            string.Equals(m.TrainerName, trainerName, StringComparison.Ordinal)
        );

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var model in Models)
        {
            model.Dispose();
        }
    }
}
