namespace MentalHealthInsights.Core.Training.Baseline;

/// <summary>
/// The majority-class baseline, always trained and reported: it ignores the features and
/// predicts the training prevalence for every row. Its ROC AUC is therefore exactly 0.5, its
/// label at threshold 0.5 is the majority class, and its Brier score is the prevalence's
/// variance — the floor every real model must beat. No hyperparameters; the seed is unused.
/// </summary>
public sealed class MajorityBaselineTrainer : IBinaryTrainer
{
    /// <summary>The registry name, "baseline".</summary>
    public const string TrainerName = "baseline";

    /// <inheritdoc />
    public string Name => TrainerName;

    /// <inheritdoc />
    public string DisplayName => "Majority-class baseline (predicts the training prevalence)";

    /// <summary>False: the prevalence is already a calibrated (if uninformative) probability.</summary>
    public bool NeedsCalibration => false;

    /// <summary>One configuration, the empty one; <paramref name="budget"/> must be at least 1.</summary>
    public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        return [HyperParameters.Empty];
    }

    /// <summary>Counts the positives; rejects unknown hyperparameters (there are none).</summary>
    public IBinaryModel Fit(
        FeatureMatrix training,
        HyperParameters hyperParameters,
        int seed,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(hyperParameters);
        cancellationToken.ThrowIfCancellationRequested();
        if (hyperParameters.Values.Count > 0)
        {
            throw new ArgumentException(
                $"The baseline has no hyperparameters; got: {string.Join(", ", hyperParameters.Values.Keys)}.",
                nameof(hyperParameters)
            );
        }
        if (training.Rows == 0)
        {
            throw new ArgumentException("Training data has no rows.", nameof(training));
        }
        var positives = 0;
        foreach (var label in training.Labels)
        {
            positives += label ? 1 : 0;
        }
        return new MajorityBaselineModel(positives, training.Rows, training.Columns);
    }
}
