using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// One trained model and what its bundle needs: the preprocessor and the model refit on the whole
/// training part, the calibrator fitted on out-of-fold predictions (if the trainer needs one), the
/// threshold chosen on them, the chosen hyperparameters and the evaluation. Owns
/// <see cref="Model"/> and disposes it.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    /// <summary>Creates the holder (takes ownership of <paramref name="model"/>).</summary>
    public TrainedModel(
        string trainerName,
        FittedPreprocessor preprocessor,
        IBinaryModel model,
        ICalibrator? calibrator,
        double threshold,
        HyperParameters hyperParameters,
        ModelEvaluation evaluation
    )
    {
        ArgumentNullException.ThrowIfNull(trainerName);
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hyperParameters);
        ArgumentNullException.ThrowIfNull(evaluation);
        TrainerName = trainerName;
        Preprocessor = preprocessor;
        Model = model;
        Calibrator = calibrator;
        Threshold = threshold;
        HyperParameters = hyperParameters;
        Evaluation = evaluation;
    }

    /// <summary>The trainer's registry name.</summary>
    public string TrainerName { get; }

    /// <summary>The preprocessing fitted on the whole training part (never on test rows).</summary>
    public FittedPreprocessor Preprocessor { get; }

    /// <summary>The raw model refit on the whole training part with the chosen configuration.</summary>
    public IBinaryModel Model { get; }

    /// <summary>The calibrator applied to <see cref="Model"/>'s scores; null when not needed.</summary>
    public ICalibrator? Calibrator { get; }

    /// <summary>The decision threshold (positive iff probability ≥ threshold).</summary>
    public double Threshold { get; }

    /// <summary>The chosen configuration.</summary>
    public HyperParameters HyperParameters { get; }

    /// <summary>The model's part of the report.</summary>
    public ModelEvaluation Evaluation { get; }

    /// <summary>The (calibrated) probability of the condition for one record, through the one preprocessing path.</summary>
    public double PredictProbability(MentalHealthRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<float> row = stackalloc float[Preprocessor.OutputWidth];
        Preprocessor.Transform(record, row);
        var score = Model.Predict(row);
        return Calibrator is null ? score : Calibrator.Apply(score);
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
