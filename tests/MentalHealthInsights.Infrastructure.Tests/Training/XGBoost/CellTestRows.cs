using System.Text.Json.Nodes;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>The cells tests' model shapes, rows, and drive to the background build.</summary>
internal static class CellTestRows
{
    // (columns, depth, rounds, missing share, seed): shallow; the serving shape (depth 4 × 200
    // rounds) on 30 columns of continuous noise; depth 5 on 12 columns, where some trees have
    // too many cells and keep the tables; few columns at depth 6 and 8, so features
    // recur on a path. (XGBoostTreeEnsembleShapTablesTests' depth-8 model on 12 columns has no
    // tree with few enough cells.)
    public static TheoryData<int, int, int, double, int> Models =>
        new()
        {
            { 10, 2, 50, 0.1, 31 },
            { 30, 4, 200, 0.05, 32 },
            { 12, 5, 40, 0.2, 33 },
            { 3, 6, 60, 0.2, 34 },
            { 2, 8, 40, 0.3, 35 },
        };

    // Rows whose values are, per column at random: one of the model's thresholds on it, the
    // float just below or above one, ±∞ (unless the native library is to read them: it refuses
    // infinities), or uniform in [−0.5, 1.5] (the data is in [0, 1]).
    public static float[] OnAndBesideThresholds(
        byte[] json,
        int cols,
        int seed,
        int count,
        bool infinities = true
    )
    {
        var thresholds = Enumerable.Range(0, cols).Select(_ => new List<float>()).ToArray();
        var root = JsonNode.Parse(json)!;
        foreach (var tree in root["learner"]!["gradient_booster"]!["model"]!["trees"]!.AsArray())
        {
            var children = tree!["left_children"]!.AsArray();
            for (var n = 0; n < children.Count; n++)
            {
                if ((int)children[n]! >= 0)
                {
                    thresholds[(int)tree["split_indices"]![n]!]
                        .Add((float)tree["split_conditions"]![n]!);
                }
            }
        }

        var random = new Random(seed + 2000);
        var rows = new float[count * cols];
        for (var i = 0; i < rows.Length; i++)
        {
            var known = thresholds[i % cols];
            var pick = known.Count > 0 ? known[random.Next(known.Count)] : 0.5f;
            rows[i] = random.Next(6) switch
            {
                0 => pick,
                1 => MathF.BitDecrement(pick),
                2 => MathF.BitIncrement(pick),
                3 when infinities => random.Next(2) == 0
                    ? float.NegativeInfinity
                    : float.PositiveInfinity,
                _ => (float)((random.NextDouble() * 2) - 0.5),
            };
        }

        return rows;
    }

    /// <summary>
    /// Drives a 4-column model's cells to their background build: many rows with a missing
    /// value (which must not count), then CellsAfterRows − 1 rows without one (cells still not
    /// built), then one more; waits up to 60 s for the build and returns that last row.
    /// </summary>
    public static float[] AnswerUntilBuiltInBackground(
        byte[] json,
        int seed,
        Action<float[]> answer,
        Func<bool> built
    )
    {
        var rows = OnAndBesideThresholds(json, 4, seed, XGBoostTreeEnsemble.CellsAfterRows);
        float[] missing = [float.NaN, 0.5f, 0.5f, 0.5f];
        for (var r = 0; r < 2 * XGBoostTreeEnsemble.CellsAfterRows; r++)
        {
            answer(missing);
        }

        for (var r = 0; r < XGBoostTreeEnsemble.CellsAfterRows - 1; r++)
        {
            answer(rows[(r * 4)..((r + 1) * 4)]);
        }

        Assert.False(built(), "built before the last row");
        var last = rows[((XGBoostTreeEnsemble.CellsAfterRows - 1) * 4)..];
        answer(last);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!built() && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(10);
        }

        Assert.True(built(), "the cells were not built within 60 s");
        return last;
    }
}
