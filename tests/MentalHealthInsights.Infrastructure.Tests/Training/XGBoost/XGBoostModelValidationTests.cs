using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

public sealed class XGBoostModelValidationTests
{
    private static readonly XGBoostOptions Tiny = new() { Rounds = 3, MaxDepth = 2 };
    private static readonly float[] SixValues = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f];
    private static readonly float[] ThreeLabels = [0f, 1f, 0f];

    [Fact]
    public void Train_FeatureLengthNotRowsTimesCols_ThrowsArgumentExceptionNamingFeatures()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            XGBoostModel.Train(SixValues, 3, 3, ThreeLabels, Tiny)
        );
        Assert.Equal("features", e.ParamName);
        Assert.Contains("row-major", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2, "rows")]
    [InlineData(-1, 2, "rows")]
    [InlineData(3, 0, "cols")]
    public void Train_NonPositiveDimension_ThrowsArgumentOutOfRange(int rows, int cols, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            XGBoostModel.Train(SixValues, rows, cols, ThreeLabels, Tiny)
        );
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Train_LabelCountDiffersFromRows_ThrowsArgumentExceptionNamingLabels()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            XGBoostModel.Train(SixValues, 3, 2, [0f, 1f], Tiny)
        );
        Assert.Equal("labels", e.ParamName);
    }

    [Theory]
    [InlineData(0.5f)]
    [InlineData(2f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void Train_LabelNotZeroOrOne_ThrowsArgumentExceptionWithIndex(float bad)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            XGBoostModel.Train(SixValues, 3, 2, [0f, bad, 1f], Tiny)
        );
        Assert.Equal("labels", e.ParamName);
        Assert.Contains("labels[1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_InfiniteFeature_ThrowsArgumentExceptionWithPosition()
    {
        float[] features = [0.1f, 0.2f, 0.3f, float.PositiveInfinity, 0.5f, 0.6f];

        var e = Assert.Throws<ArgumentException>(() =>
            XGBoostModel.Train(features, 3, 2, ThreeLabels, Tiny)
        );
        Assert.Contains("row 1, column 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1f, 1f })]
    [InlineData(new[] { 1f, -1f, 1f })]
    [InlineData(new[] { 1f, float.NaN, 1f })]
    [InlineData(new[] { 0f, 0f, 0f })]
    public void Train_BadWeights_ThrowsArgumentExceptionNamingWeights(float[] weights)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            XGBoostModel.Train(SixValues, 3, 2, ThreeLabels, Tiny, weights)
        );
        Assert.Equal("weights", e.ParamName);
    }

    [Fact]
    public void Train_InvalidOptions_ThrowsArgumentExceptionBeforeTouchingData()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            XGBoostModel.Train(SixValues, 3, 2, ThreeLabels, Tiny with { Rounds = 0 })
        );
        Assert.Contains("Rounds", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() =>
            XGBoostModel.Train(SixValues, 3, 2, ThreeLabels, null!)
        );
    }

    [Fact]
    public void Predict_WrongShapes_ThrowArgumentException()
    {
        using var model = XGBoostModel.Train(SixValues, 3, 2, ThreeLabels, Tiny);

        Assert.Throws<ArgumentException>(() => model.PredictProbabilities(SixValues, 2));
        Assert.Throws<ArgumentException>(() => model.PredictMargins(SixValues.AsSpan(0, 5), 3));
        Assert.Throws<ArgumentException>(() => model.PredictContributions(SixValues, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.PredictProbabilities(SixValues, -1));
        Assert.Throws<ArgumentException>(() => model.PredictProbability([0.1f, 0.2f, 0.3f]));
        Assert.Throws<ArgumentException>(() =>
            model.PredictProbability([float.NegativeInfinity, 0f])
        );
        Assert.Empty(model.PredictProbabilities([], 0));
    }

    [Fact]
    public void Dispose_ThenUse_ThrowsObjectDisposedAndSecondDisposeIsHarmless()
    {
        var model = XGBoostModel.Train(SixValues, 3, 2, ThreeLabels, Tiny);

        model.Dispose();
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.PredictProbability([0.1f, 0.2f]));
        Assert.Throws<ObjectDisposedException>(() => model.PredictProbabilities(SixValues, 3));
        Assert.Throws<ObjectDisposedException>(() => model.ToJson());
        Assert.Throws<ObjectDisposedException>(() => model.GetConfigJson());
    }
}
