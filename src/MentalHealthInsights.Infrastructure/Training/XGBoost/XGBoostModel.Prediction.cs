using System.Globalization;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

public sealed partial class XGBoostModel
{
    /// <summary>P(y = 1) for each of <paramref name="rows"/> rows of <see cref="FeatureCount"/> values.</summary>
    /// <param name="features">Row-major; NaN = missing; length rows × <see cref="FeatureCount"/>.</param>
    /// <param name="rows">Number of rows, ≥ 0 (0 returns an empty array).</param>
    /// <returns>One probability in [0, 1] per row.</returns>
    public float[] PredictProbabilities(ReadOnlySpan<float> features, int rows) =>
        Predict(features, rows, PredictionKind.Probability);

    /// <summary>The untransformed score (log-odds) per row; the probability is its logistic.</summary>
    public float[] PredictMargins(ReadOnlySpan<float> features, int rows) =>
        Predict(features, rows, PredictionKind.Margin);

    /// <summary>
    /// TreeSHAP feature contributions (XGBoost's <c>pred_contribs</c>): rows × (FeatureCount + 1)
    /// values, row-major; in each row one value per feature then the bias last. Each row sums to
    /// that row's margin (up to float rounding, ~1e-6).
    /// </summary>
    public float[] PredictContributions(ReadOnlySpan<float> features, int rows) =>
        Predict(features, rows, PredictionKind.Contributions);

    /// <summary>
    /// P(y = 1) for one row of <see cref="FeatureCount"/> values. Bitwise equal to the same row's
    /// result from <see cref="PredictProbabilities"/>; allocates no managed memory; safe for
    /// concurrent callers.
    /// </summary>
    public float PredictProbability(ReadOnlySpan<float> row)
    {
        ThrowIfDisposed();
        XGBoostInput.ValidateMatrix(row, 1, FeatureCount, nameof(row));
        return booster.PredictSingle(row, PredictionKind.Probability);
    }

    /// <summary>
    /// P(y = 1) per row from the first <c>iterationEnds[i]</c> rounds, for each i: what the
    /// models that stopped after those rounds predict (XGBoost's <c>iteration_range</c>; bitwise
    /// equal to a separately trained model of that many rounds with the same seed — tested,
    /// subsampling included). One native matrix serves every count.
    /// </summary>
    internal float[][] PredictFirstRounds(
        ReadOnlySpan<float> features,
        int rows,
        IReadOnlyList<int> iterationEnds
    )
    {
        ThrowIfDisposed();
        XGBoostInput.ValidateMatrix(features, rows, FeatureCount, nameof(features));
        if (iterationEnds.Any(k => k < 1 || k > BoostedRounds))
        {
            throw new ArgumentOutOfRangeException(
                nameof(iterationEnds),
                "Each round count must be in 1 … BoostedRounds."
            );
        }

        using var matrix = DMatrix.FromDense(features, rows, FeatureCount);
        var results = new float[iterationEnds.Count][];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = booster.PredictProbabilities(matrix, iterationEnds[i]);
            if (results[i].Length != rows)
            {
                throw new XGBoostException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"XGBoost returned {results[i].Length} values for {rows} rows."
                    )
                );
            }
        }

        return results;
    }

    private float[] Predict(ReadOnlySpan<float> features, int rows, PredictionKind kind)
    {
        ThrowIfDisposed();
        XGBoostInput.ValidateMatrix(features, rows, FeatureCount, nameof(features), minRows: 0);
        if (rows == 0)
        {
            return [];
        }

        using var matrix = DMatrix.FromDense(features, rows, FeatureCount);
        var result = booster.Predict(matrix, kind);
        var perRow = kind == PredictionKind.Contributions ? FeatureCount + 1 : 1;
        if (result.Length != (long)rows * perRow)
        {
            throw new XGBoostException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"XGBoost returned {result.Length} values for {rows} rows; expected {(long)rows * perRow}."
                )
            );
        }

        return result;
    }
}
