namespace MentalHealthInsights.Core.Training;

/// <summary>
/// The default <see cref="ISearchSession"/>: every configuration is fitted on its own with
/// <see cref="IBinaryTrainer.Fit"/> and the model predicts the validation rows; nothing is shared.
/// </summary>
/// <param name="trainer">The trainer whose fits these are.</param>
/// <param name="seed">The search's seed, passed to every fit.</param>
public sealed class SeparateFitsSession(IBinaryTrainer trainer, int seed) : ISearchSession
{
    /// <inheritdoc />
    public void FitAndPredict(
        FeatureMatrix training,
        FeatureMatrix validation,
        IReadOnlyList<HyperParameters> group,
        IReadOnlyList<double[]> destinations,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(destinations);
        if (group.Count != destinations.Count)
        {
            throw new ArgumentException(
                "There must be one destination per configuration.",
                nameof(destinations)
            );
        }

        for (var i = 0; i < group.Count; i++)
        {
            using var model = trainer.Fit(training, group[i], seed, cancellationToken);
            model.Predict(validation, destinations[i]);
        }
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose() { }
}
