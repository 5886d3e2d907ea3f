using System.Text.Json.Nodes;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>
/// The Fast TreeSHAP v2 tables behind <see cref="XGBoostTreeEnsemble.Contributions"/> against
/// the reference algorithm (XGBoost's RegTree::TreeShap, kept as ReferenceContributions) on
/// thousands of rows not seen in training, with missing values in every column, and against
/// the native library when some or all trees fall back to the reference algorithm.
/// </summary>
public sealed class XGBoostTreeEnsembleShapTablesTests
{
    // Against native, as XGBoostTreeEnsembleTests: 1e-6.
    private const double Tolerance = 1e-6;

    // Against the reference on unseen rows: 1e-6 × max(1, |value|), about 4-8 float ulps.
    // Both sum the trees' values in float in tree order, as XGBoost does; the tables' per-tree
    // values are the correctly rounded ones and the reference's carry TreeShap's float
    // rounding, so the running float sums drift apart by a few ulps of the result (seen: 5 ulps,
    // 1.2e-6 at |φ| = 2.6). Both are equally far from the exact (double) values, up to 2.9e-6
    // on these models, because of that float sum.
    private const double RelativeTolerance = 1e-6;

    // (columns, depth, rounds, missing share, seed): shallow; the serving model's shape (depth
    // 4 × 200 rounds on ~30 columns); deep (depth 8: up to 8 distinct features on a path);
    // few columns, so a feature recurs on a path (merged zero fractions); two columns at
    // depth 8, where nearly every path repeats both features.
    public static TheoryData<int, int, int, double, int> Models =>
        new()
        {
            { 10, 2, 50, 0.1, 31 },
            { 30, 4, 200, 0.05, 32 },
            { 12, 8, 40, 0.2, 33 },
            { 3, 6, 60, 0.2, 34 },
            { 2, 8, 40, 0.3, 35 },
        };

    [Theory]
    [MemberData(nameof(Models))]
    public void Contributions_TrainedModels_MatchReferenceAlgorithm(
        int cols,
        int depth,
        int rounds,
        double missing,
        int seed
    )
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(cols, depth, rounds, missing, seed, 3000);
        using var owned = model;
        var ensemble = BudgetedEnsemble.Parse(
            model.ToJson(),
            XGBoostTreeEnsemble.DefaultShapTableBudgetBytes
        );
        Assert.Equal(ensemble.TreeCount, ensemble.ShapTableTreeCount);

        var rows = EvaluationRows(cols, seed);
        var worst = WorstDifferenceFromReference(ensemble, rows);

        Assert.True(worst <= RelativeTolerance, $"largest scaled difference {worst}");
    }

    [Fact]
    public void Contributions_NoTableBudget_UsesReferenceForEveryTree()
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(5, 4, 40, 0.1, 36, 1000);
        using var owned = model;
        var ensemble = BudgetedEnsemble.Parse(model.ToJson(), 0);
        var rows = EvaluationRows(5, 36, count: 500);
        var fast = new float[6];
        var reference = new float[6];

        Assert.Equal(0, ensemble.ShapTableTreeCount);
        Assert.Equal(0, ensemble.ShapTableBytes);
        for (var r = 0; r < rows.Rows; r++)
        {
            ensemble.Contributions(rows.Row(r), fast);
            ensemble.ReferenceContributions(rows.Row(r), reference);
            Assert.True(SyntheticXGBoostData.BitwiseEqual(reference, fast), $"row {r}");
        }
    }

    [Fact]
    public void Contributions_BudgetForSomeTrees_MixesTablesAndReferenceAndMatchesNative()
    {
        const int Rows = 2000;
        var (model, data) = XGBoostTreeEnsembleTests.Train(8, 6, 80, 0.2, 37, Rows);
        using var owned = model;
        var json = model.ToJson();
        var full = BudgetedEnsemble.Parse(json, XGBoostTreeEnsemble.DefaultShapTableBudgetBytes);
        Assert.Equal(full.TreeCount, full.ShapTableTreeCount);
        var ensemble = BudgetedEnsemble.Parse(json, full.ShapTableBytes / 2);

        Assert.InRange(ensemble.ShapTableTreeCount, 1, ensemble.TreeCount - 1);
        Assert.True(ensemble.ShapTableBytes <= full.ShapTableBytes / 2);
        var native = model.PredictContributions(data.Features, Rows);
        var phi = new float[9];
        var worst = 0.0;
        for (var r = 0; r < Rows; r++)
        {
            ensemble.Contributions(data.Row(r), phi);
            for (var c = 0; c < phi.Length; c++)
            {
                worst = Math.Max(worst, Math.Abs(native[(r * 9) + c] - phi[c]));
            }
        }

        Assert.True(worst <= Tolerance, $"largest difference from native {worst}");
        var reference = WorstDifferenceFromReference(ensemble, EvaluationRows(8, 37));
        Assert.True(reference <= RelativeTolerance, $"largest scaled difference {reference}");
    }

    [Fact]
    public void Contributions_PathWithMoreFeaturesThanTheTableLimit_FallsBackAndMatchesNative()
    {
        const int Rows = 4000;
        var (model, data) = XGBoostTreeEnsembleTests.Train(16, 14, 12, 0.1, 38, Rows);
        using var owned = model;
        var ensemble = BudgetedEnsemble.Parse(
            model.ToJson(),
            XGBoostTreeEnsemble.DefaultShapTableBudgetBytes
        );

        // Some trees have a path with more than MaxTablePathFeatures distinct features, some not.
        Assert.InRange(ensemble.ShapTableTreeCount, 1, ensemble.TreeCount - 1);
        var native = model.PredictContributions(data.Features, Rows);
        var phi = new float[17];
        var worst = 0.0;
        for (var r = 0; r < Rows; r++)
        {
            ensemble.Contributions(data.Row(r), phi);
            for (var c = 0; c < phi.Length; c++)
            {
                worst = Math.Max(worst, Math.Abs(native[(r * 17) + c] - phi[c]));
            }
        }

        Assert.True(worst <= Tolerance, $"largest difference from native {worst}");
    }

    [Fact]
    public void Contributions_LeafWithoutCover_TreeFallsBackAndMatchesReference()
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(4, 3, 10, 0.1, 39, 1000);
        using var owned = model;
        var root = JsonNode.Parse(model.ToJson())!;
        var trees = root["learner"]!["gradient_booster"]!["model"]!["trees"]!.AsArray();
        var children = trees[0]!["left_children"]!.AsArray();
        var leaf = Enumerable.Range(0, children.Count).First(n => (int)children[n]! < 0);
        trees[0]!["sum_hessian"]!.AsArray()[leaf] = 0.0;
        var ensemble = BudgetedEnsemble.Parse(
            System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()),
            XGBoostTreeEnsemble.DefaultShapTableBudgetBytes
        );

        Assert.Equal(ensemble.TreeCount - 1, ensemble.ShapTableTreeCount);
        var worst = WorstDifferenceFromReference(ensemble, EvaluationRows(4, 39, count: 500));
        Assert.True(worst <= RelativeTolerance, $"largest scaled difference {worst}");
    }

    [Fact]
    public void Contributions_FirstCallsFromManyThreads_BuildTablesOnceAndMatchOneThread()
    {
        const int Rows = 300;
        var (model, _) = XGBoostTreeEnsembleTests.Train(6, 5, 60, 0.1, 40, 1000);
        using var owned = model;
        var json = model.ToJson();
        var rows = EvaluationRows(6, 40, count: Rows);
        var expected = new float[Rows * 7];
        var single = BudgetedEnsemble.Parse(json, XGBoostTreeEnsemble.DefaultShapTableBudgetBytes);
        for (var r = 0; r < Rows; r++)
        {
            single.Contributions(rows.Row(r), expected.AsSpan(r * 7, 7));
        }

        var shared = BudgetedEnsemble.Parse(json, XGBoostTreeEnsemble.DefaultShapTableBudgetBytes);
        var mismatches = 0;
        Parallel.For(
            0,
            Rows * 10,
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i =>
            {
                var r = i % Rows;
                Span<float> phi = stackalloc float[7];
                shared.Contributions(rows.Row(r), phi);
                if (!SyntheticXGBoostData.BitwiseEqual(expected.AsSpan(r * 7, 7), phi))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        );

        Assert.Equal(0, mismatches);
        Assert.Equal(shared.TreeCount, shared.ShapTableTreeCount);
    }

    // Rows the model has not seen, with NaN in every column (the signal column too) and a few
    // rows entirely missing: every default branch is taken somewhere.
    private static SyntheticXGBoostData EvaluationRows(int cols, int seed, int count = 3000)
    {
        var rows = SyntheticXGBoostData.Create(
            count,
            cols,
            seed + 1000,
            missingShare: 0.25,
            missingInSignal: true
        );
        for (var r = 0; r < count; r += 97)
        {
            rows.Features.AsSpan(r * cols, cols).Fill(float.NaN);
        }

        return rows;
    }

    // The largest |fast − reference| / max(1, |reference|) over all rows and values.
    private static double WorstDifferenceFromReference(
        XGBoostTreeEnsemble ensemble,
        SyntheticXGBoostData rows
    )
    {
        var fast = new float[rows.Cols + 1];
        var reference = new float[rows.Cols + 1];
        var worst = 0.0;
        for (var r = 0; r < rows.Rows; r++)
        {
            ensemble.Contributions(rows.Row(r), fast);
            ensemble.ReferenceContributions(rows.Row(r), reference);
            for (var c = 0; c < fast.Length; c++)
            {
                var scale = Math.Max(1.0, Math.Abs(reference[c]));
                worst = Math.Max(worst, Math.Abs(reference[c] - fast[c]) / scale);
            }
        }

        return worst;
    }
}
