namespace MentalHealthInsights.Core.Training;

/// <summary>
/// The fits of one hyperparameter search of one trainer (<see cref="IBinaryTrainer.BeginSearch"/>):
/// lets a trainer share work between the fits of a search (XGBoost builds each fold's data
/// matrix and quantile sketch once) and evaluate a group of configurations with one fit
/// (<see cref="IBinaryTrainer.SharedFitKey"/>). Every score it writes must be bit-identical to
/// what a separate <see cref="IBinaryTrainer.Fit"/> of that configuration with the search's seed
/// would predict, so sharing never changes a result. Disposed when the search ends.
/// </summary>
/// <remarks>Thread-safe: the search calls <see cref="FitAndPredict"/> from several threads at once.</remarks>
public interface ISearchSession : IDisposable
{
    /// <summary>
    /// Fits <paramref name="group"/> on <paramref name="training"/> and writes configuration
    /// <c>group[i]</c>'s scores of <paramref name="validation"/>'s rows into
    /// <c>destinations[i]</c> (one value per validation row).
    /// </summary>
    /// <param name="training">The fold's training rows (the same instance for every call on that fold).</param>
    /// <param name="validation">The fold's validation rows.</param>
    /// <param name="group">One configuration, or several with the same non-null <see cref="IBinaryTrainer.SharedFitKey"/>.</param>
    /// <param name="destinations">One array of validation-row length per configuration of the group.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    void FitAndPredict(
        FeatureMatrix training,
        FeatureMatrix validation,
        IReadOnlyList<HyperParameters> group,
        IReadOnlyList<double[]> destinations,
        CancellationToken cancellationToken
    );
}
