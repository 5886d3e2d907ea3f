using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>
/// Block evaluation (tree-major over blocks of rows, sibling node layout) against the one-row
/// walk on the same models: equal bit for bit, since batch output must not depend on the path —
/// and against the native library's many-row prediction, which training's many-row
/// predictions replaced with it.
/// </summary>
public sealed class XGBoostTreeEnsembleBlockTests
{
    // (columns, depth, rounds, missing share, seed): deep and shallow trees, trees of unequal
    // depth, and missing values taking the default branches.
    public static TheoryData<int, int, int, double, int> Models =>
        new()
        {
            { 5, 4, 200, 0.1, 1 },
            { 3, 6, 60, 0.2, 2 },
            { 30, 4, 100, 0.05, 3 },
            { 8, 8, 30, 0.3, 4 },
            { 6, 1, 40, 0.0, 5 },
            // Depth 5 (two leaf registers on the AVX-512 path), and depth 2 with many missing values.
            { 9, 5, 50, 0.1, 6 },
            { 4, 2, 50, 0.5, 7 },
        };

    [Theory]
    [MemberData(nameof(Models))]
    public void Probabilities_TrainedModels_EqualOneRowAndNativeManyRowProbabilitiesBitForBit(
        int cols,
        int depth,
        int rounds,
        double missing,
        int seed
    )
    {
        // Not a multiple of the block size: the last block is partial.
        const int Rows = 3001;
        var (model, data) = XGBoostTreeEnsembleTests.Train(
            cols,
            depth,
            rounds,
            missing,
            seed,
            Rows
        );
        using var owned = model;
        var ensemble = XGBoostTreeEnsemble.TryParse(model.ToJson(), out _)!;
        var block = new float[Rows];
        var native = model.PredictProbabilities(data.Features, Rows);

        // The machine's own choice, then every path its instructions allow (scalar walk, AVX2,
        // AVX-512), so an AVX-512 machine still proves the AVX2 path.
        foreach (var lanes in (int[])[-1, .. VectorPaths.Runnable(16, 8)])
        {
            if (lanes < 0)
            {
                ensemble.Probabilities(data.Features, block);
            }
            else
            {
                ensemble.ProbabilitiesWithLanes(data.Features, block, lanes);
            }

            for (var r = 0; r < Rows; r++)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(ensemble.Probability(data.Row(r)))
                        == BitConverter.SingleToInt32Bits(block[r]),
                    $"lanes {lanes}, row {r}: {ensemble.Probability(data.Row(r))} != {block[r]}"
                );
                Assert.True(
                    BitConverter.SingleToInt32Bits(native[r])
                        == BitConverter.SingleToInt32Bits(block[r]),
                    $"lanes {lanes}, row {r}: native many-row {native[r]} != {block[r]}"
                );
            }
        }
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Probabilities_TreeDepth_VectorPathWhereAvx2OrAvx512AndDepthAtMost5(
        int depth,
        bool vectorDepth
    )
    {
        // The equality tests above only prove the path the machine would choose when it is the
        // one taken: AVX-512 (F and CD) before AVX2.
        var (model, _) = XGBoostTreeEnsembleTests.Train(6, depth, 20, 0.1, 11, 2000);
        using var owned = model;
        var ensemble = XGBoostTreeEnsemble.TryParse(model.ToJson(), out _)!;

        var widest = VectorPaths.Widest(16, 8);
        Assert.Equal(vectorDepth ? widest : 0, ensemble.VectorLanes);
        Assert.Equal(vectorDepth && widest > 0, ensemble.UsesVectors);
    }

    [Fact]
    public void Probabilities_LanesTheMachineLacks_Throw()
    {
        var (model, data) = XGBoostTreeEnsembleTests.Train(4, 3, 10, 0, 8, 50);
        using var owned = model;
        var ensemble = XGBoostTreeEnsemble.TryParse(model.ToJson(), out _)!;

        Assert.Throws<PlatformNotSupportedException>(() =>
            ensemble.ProbabilitiesWithLanes(data.Features, new float[50], 4)
        );
        if (XGBoostTreeEnsemble.WidestVectorLanes < 16)
        {
            Assert.Throws<PlatformNotSupportedException>(() =>
                ensemble.ProbabilitiesWithLanes(data.Features, new float[50], 16)
            );
        }
    }

    [Fact]
    public void PredictBlock_BinaryModel_EqualsOneRowPredictAndNativeToFloatRounding()
    {
        const int Rows = 700;
        var (trained, data) = XGBoostTreeEnsembleTests.Train(7, 5, 80, 0.1, 9, Rows);
        using var model = new XGBoostBinaryModel(trained);
        var block = new double[Rows];

        model.PredictBlock(data.Features, block);

        var native = trained.PredictProbabilities(data.Features, Rows);
        for (var r = 0; r < Rows; r++)
        {
            Assert.Equal(model.Predict(data.Row(r)), block[r]);
            Assert.Equal(native[r], block[r], 1e-6);
        }
    }

    [Fact]
    public void Probabilities_InfiniteValue_ThrowsAndNamesTheCell()
    {
        var (model, data) = XGBoostTreeEnsembleTests.Train(4, 3, 10, 0, 6, 100);
        using var owned = model;
        var ensemble = XGBoostTreeEnsemble.TryParse(model.ToJson(), out _)!;
        var rows = data.Features.ToArray();
        rows[(70 * 4) + 2] = float.PositiveInfinity;

        var error = Assert.Throws<ArgumentException>(() =>
            ensemble.Probabilities(rows, new float[100])
        );
        Assert.Contains("row 70, column 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probabilities_LengthsDisagree_ThrowsAndEmptyIsFine()
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(4, 3, 10, 0, 7, 100);
        using var owned = model;
        var ensemble = XGBoostTreeEnsemble.TryParse(model.ToJson(), out _)!;

        Assert.Throws<ArgumentException>(() =>
            ensemble.Probabilities(new float[4 * 3], new float[4])
        );
        ensemble.Probabilities([], []);
    }
}
