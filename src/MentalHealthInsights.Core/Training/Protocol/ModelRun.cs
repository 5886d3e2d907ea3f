using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>One trainer's finished run, before the comparison with the other models.</summary>
internal sealed class ModelRun(
    IBinaryTrainer trainer,
    SearchOutcome search,
    IBinaryModel model,
    ICalibrator? calibrator,
    double threshold,
    double[] testProbabilities,
    ModelEvaluation evaluation
)
{
    public IBinaryTrainer Trainer { get; } = trainer;

    public SearchOutcome Search { get; } = search;

    public IBinaryModel Model { get; } = model;

    public ICalibrator? Calibrator { get; } = calibrator;

    public double Threshold { get; } = threshold;

    /// <summary>The final (calibrated) probabilities on the test part.</summary>
    public double[] TestProbabilities { get; } = testProbabilities;

    public ModelEvaluation Evaluation { get; set; } = evaluation;

    public bool IsBaseline =>
        string.Equals(Trainer.Name, TrainingProtocol.BaselineName, StringComparison.Ordinal);
}
