using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// The fits of one XGBoost search. Two savings, neither of which changes a number:
/// <list type="bullet">
/// <item>each fold's training matrix is built once and shared by every fit on that fold, so
/// <c>hist</c>'s quantile sketch is computed once per fold instead of once per fit
/// (<see cref="XGBoostTrainingMatrix"/>);</item>
/// <item>a group of configurations that differ only in <c>rounds</c>
/// (<see cref="XGBoostTrainer.SharedFitKey"/>) is fitted once with the most rounds, and each
/// member's predictions are those of the first <c>rounds</c> rounds — boosting adds one tree per
/// round and never revisits earlier ones, and the row and column sampling of round i is seeded
/// from the seed and i, so they are the predictions of the shorter fit, bit for bit (tested).</item>
/// </list>
/// </summary>
internal sealed class XGBoostSearchSession(XGBoostTrainer trainer, int seed) : ISearchSession
{
    private readonly Lock _gate = new();
    private readonly Dictionary<FeatureMatrix, Lazy<XGBoostTrainingMatrix>> _matrices = new(
        ReferenceEqualityComparer.Instance
    );

    /// <inheritdoc />
    public void FitAndPredict(
        FeatureMatrix training,
        FeatureMatrix validation,
        IReadOnlyList<HyperParameters> group,
        IReadOnlyList<double[]> destinations,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(destinations);
        if (group.Count == 0 || group.Count != destinations.Count)
        {
            throw new ArgumentException(
                "A group needs at least one configuration and one destination per configuration.",
                nameof(destinations)
            );
        }

        var options = group.Select(h => trainer.ToOptions(h, seed)).ToArray();
        var longest = options[0] with { Rounds = options.Max(o => o.Rounds) };
        if (options.Any(o => o with { Rounds = longest.Rounds } != longest))
        {
            throw new ArgumentException(
                "The configurations of a group may differ in rounds only.",
                nameof(group)
            );
        }

        using var model = Fit(training, longest, cancellationToken);
        var predictions = model.PredictFirstRounds(
            validation.Features,
            validation.Rows,
            [.. options.Select(o => o.Rounds)]
        );
        for (var i = 0; i < predictions.Length; i++)
        {
            var destination = destinations[i];
            for (var row = 0; row < predictions[i].Length; row++)
            {
                destination[row] = predictions[i][row];
            }
        }
    }

    /// <summary>Frees the shared matrices.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var matrix in _matrices.Values.Where(m => m.IsValueCreated))
            {
                matrix.Value.Dispose();
            }

            _matrices.Clear();
        }
    }

    private XGBoostModel Fit(
        FeatureMatrix training,
        XGBoostOptions options,
        CancellationToken cancellationToken
    )
    {
        // Only hist keeps its sketch for the next fit; approx re-sketches every round and exact
        // builds its sorted columns lazily, so sharing a matrix would race: they get their own.
        if (!string.Equals(options.TreeMethod, "hist", StringComparison.Ordinal))
        {
            using var own = Build(training, cancellationToken);
            return XGBoostModel.Train(own, options, null, cancellationToken);
        }

        Lazy<XGBoostTrainingMatrix>? shared;
        lock (_gate)
        {
            if (!_matrices.TryGetValue(training, out shared))
            {
                shared = new Lazy<XGBoostTrainingMatrix>(() =>
                    Build(training, CancellationToken.None)
                );
                _matrices[training] = shared;
            }
        }

        // Outside the lock: the folds' matrices are built in parallel.
        return XGBoostModel.Train(shared.Value, options, null, cancellationToken);
    }

    private static XGBoostTrainingMatrix Build(
        FeatureMatrix training,
        CancellationToken cancellationToken
    ) =>
        XGBoostTrainingMatrix.Create(
            training.Features,
            training.Rows,
            training.Columns,
            XGBoostTrainer.Labels(training),
            default,
            cancellationToken
        );
}
