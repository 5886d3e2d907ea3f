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
