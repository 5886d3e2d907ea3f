using System.Text;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>
/// The managed evaluator against the native library on the same model: margins, probabilities
/// and TreeSHAP contributions on thousands of rows, to 1e-6 (float rounding; in practice the
/// results are equal or one ulp apart because the arithmetic is XGBoost's, in its order).
/// </summary>
public sealed class XGBoostTreeEnsembleTests
{
    private const double Tolerance = 1e-6;

    // (columns, depth, rounds, missing share, seed): few columns and deep trees make the same
    // feature recur on a path, which exercises TreeSHAP's unwinding; missing values exercise
    // the default branches.
    public static TheoryData<int, int, int, double, int> Models =>
        new()
        {
            { 5, 4, 200, 0.1, 1 },
            { 3, 6, 60, 0.2, 2 },
            { 30, 4, 100, 0.05, 3 },
            { 8, 8, 30, 0.3, 4 },
        };

    [Theory]
    [MemberData(nameof(Models))]
    public void Margin_TrainedModels_MatchNativeMarginsAndProbabilities(
        int cols,
        int depth,
        int rounds,
        double missing,
        int seed
    )
    {
        const int Rows = 4000;
        var (model, data) = Train(cols, depth, rounds, missing, seed, Rows);
        using var owned = model;
        var ensemble = Parse(model.ToJson());

        var margins = model.PredictMargins(data.Features, Rows);
        var probabilities = model.PredictProbabilities(data.Features, Rows);
        for (var r = 0; r < Rows; r++)
        {
            Assert.Equal(margins[r], ensemble.Margin(data.Row(r)), Tolerance);
            Assert.Equal(probabilities[r], ensemble.Probability(data.Row(r)), Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Contributions_TrainedModels_MatchNativePredContribs(
        int cols,
        int depth,
        int rounds,
        double missing,
        int seed
    )
    {
        const int Rows = 3000;
        var (model, data) = Train(cols, depth, rounds, missing, seed, Rows);
        using var owned = model;
        var ensemble = Parse(model.ToJson());

        // Every tree through the Fast TreeSHAP tables (the reference algorithm is tested
        // against the same native values in XGBoostTreeEnsembleShapTablesTests).
        Assert.Equal(ensemble.TreeCount, ensemble.ShapTableTreeCount);
        var native = model.PredictContributions(data.Features, Rows);
        var managed = new float[cols + 1];
        var worst = 0.0;
        for (var r = 0; r < Rows; r++)
        {
            ensemble.Contributions(data.Row(r), managed);
            for (var c = 0; c <= cols; c++)
            {
                worst = Math.Max(worst, Math.Abs(native[(r * (cols + 1)) + c] - managed[c]));
            }
        }

        Assert.True(worst <= Tolerance, $"largest difference {worst}");
    }

    [Fact]
    public void Contributions_AnyRow_SumToMargin()
    {
        const int Rows = 500;
        var (model, data) = Train(6, 5, 80, 0.15, 5, Rows);
        using var owned = model;
        var ensemble = Parse(model.ToJson());
        var phi = new float[7];
        for (var r = 0; r < Rows; r++)
        {
            ensemble.Contributions(data.Row(r), phi);
            var sum = 0.0;
            foreach (var value in phi)
            {
                sum += value;
            }

            Assert.Equal(ensemble.Margin(data.Row(r)), sum, 1e-4);
        }
    }

    [Fact]
    public void TryParse_OtherBaseScore_MatchesNative()
    {
        const int Rows = 1000;
        var (trained, data) = Train(4, 4, 50, 0.1, 6, Rows);
        using var original = trained;
        var json = Encoding.UTF8.GetString(original.ToJson());
        Assert.Contains("\"base_score\":\"5E-1\"", json, StringComparison.Ordinal);
        var edited = Encoding.UTF8.GetBytes(
            json.Replace(
                "\"base_score\":\"5E-1\"",
                "\"base_score\":\"3E-1\"",
                StringComparison.Ordinal
            )
        );
        using var model = XGBoostModel.LoadJson(edited);
        var ensemble = Parse(edited);

        var margins = model.PredictMargins(data.Features, Rows);
        var contributions = model.PredictContributions(data.Features, Rows);
        var phi = new float[5];
        for (var r = 0; r < Rows; r++)
        {
            Assert.Equal(margins[r], ensemble.Margin(data.Row(r)), Tolerance);
            ensemble.Contributions(data.Row(r), phi);
            Assert.Equal(contributions[(r * 5) + 4], phi[4], Tolerance);
        }
    }

    [Fact]
    public void TryParse_CategoricalSplit_ReturnsNullWithReason()
    {
        var (model, _) = Train(3, 2, 2, 0, 7, 200);
        using var owned = model;
        var json = Encoding.UTF8.GetString(model.ToJson());
        var edited = json.Replace(
            "\"split_type\":[0",
            "\"split_type\":[1",
            StringComparison.Ordinal
        );
        Assert.NotEqual(json, edited);

        var ensemble = XGBoostTreeEnsemble.TryParse(Encoding.UTF8.GetBytes(edited), out var reason);

        Assert.Null(ensemble);
        Assert.Contains("Categorical", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("{\"learner\":{\"objective\":{\"name\":\"reg:squarederror\"}}}")]
    public void TryParse_NotASupportedModel_ReturnsNullWithReason(string text)
    {
        var ensemble = XGBoostTreeEnsemble.TryParse(Encoding.UTF8.GetBytes(text), out var reason);

        Assert.Null(ensemble);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void Margin_WrongRowLength_Throws()
    {
        var (model, _) = Train(3, 2, 2, 0, 8, 100);
        using var owned = model;
        var ensemble = Parse(model.ToJson());

        Assert.Throws<ArgumentException>(() => ensemble.Margin(new float[4]));
        Assert.Throws<ArgumentException>(() => ensemble.Contributions(new float[3], new float[3]));
    }

    internal static (XGBoostModel Model, SyntheticXGBoostData Data) Train(
        int cols,
        int depth,
        int rounds,
        double missing,
        int seed,
        int rows
    )
    {
        var data = SyntheticXGBoostData.Create(rows, cols, seed, missingShare: missing);
        var options = new XGBoostOptions
        {
            Rounds = rounds,
            MaxDepth = depth,
            Subsample = 0.8,
            Seed = seed,
        };
        return (XGBoostModel.Train(data.Features, rows, cols, data.Labels, options), data);
    }

    private static XGBoostTreeEnsemble Parse(byte[] json)
    {
        var ensemble = XGBoostTreeEnsemble.TryParse(json, out var reason);
        Assert.True(ensemble is not null, reason);
        return ensemble;
    }
}
