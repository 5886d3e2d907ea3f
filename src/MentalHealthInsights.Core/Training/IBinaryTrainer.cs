namespace MentalHealthInsights.Core.Training;

/// <summary>
/// A pluggable learning algorithm (DESIGN.md §5.10): one implementation per algorithm, registered
/// by <see cref="Name"/>. Trainers are stateless; every call is deterministic for its seed.
/// </summary>
public interface IBinaryTrainer
{
    /// <summary>The registry name: "baseline", "lr", "rf" or "xgb".</summary>
    string Name { get; }

    /// <summary>A human-readable name, e.g. "Logistic regression (ML.NET L-BFGS, L2)".</summary>
    string DisplayName { get; }

    /// <summary>True when raw scores are not calibrated probabilities and need calibration on out-of-fold predictions.</summary>
    bool NeedsCalibration { get; }

    /// <summary>
    /// True when two fits of this trainer cannot run at the same time in one process (the library
    /// serialises them), so the search runs them one by one and leaves the other cores to other
    /// trainers. Default false.
    /// </summary>
    bool FitsOneAtATime => false;

    /// <summary>
    /// Configurations with the same non-null key differ only in something one fit can serve for
    /// all of them (XGBoost: the number of boosting rounds — the first k rounds of a longer fit are
    /// the k-round model), so the search evaluates them together through
    /// <see cref="ISearchSession.FitAndPredict"/>. Default null: every configuration is fitted on its own.
    /// </summary>
    string? SharedFitKey(HyperParameters hyperParameters) => null;

    /// <summary>
    /// A cheaper stand-in for <paramref name="hyperParameters"/> that successive halving ranks
    /// configurations on in its early rungs (the random forest: a quarter of the trees), or null
    /// (the default) when the trainer has none. When <see cref="RanksOnStandIns"/> is true the
    /// last rung refits its survivors on every fold with the real configurations, so the chosen
    /// configuration's out-of-fold predictions never come from a stand-in.
    /// </summary>
    HyperParameters? EarlyRungStandIn(HyperParameters hyperParameters) => null;

    /// <summary>True when <see cref="EarlyRungStandIn"/> gives stand-ins. Default false.</summary>
    bool RanksOnStandIns => false;

    /// <summary>
    /// Starts the fits of one search with <paramref name="seed"/>. Default: a
    /// <see cref="SeparateFitsSession"/> (each configuration fitted on its own by <see cref="Fit"/>).
    /// </summary>
    ISearchSession BeginSearch(int seed) => new SeparateFitsSession(this, seed);

    /// <summary>The configurations to try, at most <paramref name="budget"/>, chosen deterministically from <paramref name="seed"/>. The first one is the trainer's defaults.</summary>
    IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed);

    /// <summary>Fits a model on <paramref name="training"/>.</summary>
    IBinaryModel Fit(
        FeatureMatrix training,
        HyperParameters hyperParameters,
        int seed,
        CancellationToken cancellationToken
    );
}
