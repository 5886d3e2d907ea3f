using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

public sealed class XGBoostOptionsTests
{
    [Fact]
    public void Default_HasDocumentedValuesAndIsValid()
    {
        var options = XGBoostOptions.Default;

        options.Validate();
        Assert.Equal(200, options.Rounds);
        Assert.Equal(4, options.MaxDepth);
        Assert.Equal(0.1, options.LearningRate);
        Assert.Equal(1.0, options.Subsample);
        Assert.Equal(1.0, options.ColsampleByTree);
        Assert.Equal(1.0, options.MinChildWeight);
        Assert.Equal(1.0, options.Lambda);
        Assert.Equal(0.0, options.Alpha);
        Assert.Equal(42, options.Seed);
        Assert.Equal(1, options.Threads);
        Assert.Equal("hist", options.TreeMethod);
    }

    public static TheoryData<XGBoostOptions, string> InvalidOptions =>
        new()
        {
            {
                new() { Rounds = 0 },
                "Rounds"
            },
            {
                new() { MaxDepth = 0 },
                "MaxDepth"
            },
            {
                new() { LearningRate = 0 },
                "LearningRate"
            },
            {
                new() { LearningRate = 1.5 },
                "LearningRate"
            },
            {
                new() { Subsample = 0 },
                "Subsample"
            },
            {
                new() { ColsampleByTree = 1.1 },
                "ColsampleByTree"
            },
            {
                new() { MinChildWeight = -1 },
                "MinChildWeight"
            },
            {
                new() { Lambda = double.NaN },
                "Lambda"
            },
            {
                new() { Alpha = -0.1 },
                "Alpha"
            },
            {
                new() { Gamma = double.PositiveInfinity },
                "Gamma"
            },
            {
                new() { ScalePosWeight = 0 },
                "ScalePosWeight"
            },
            {
                new() { MaxBin = 1 },
                "MaxBin"
            },
            {
                new() { Threads = 0 },
                "Threads"
            },
            {
                new() { TreeMethod = "gpu_hist" },
                "TreeMethod"
            },
        };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_OutOfRange_ThrowsNamingTheProperty(XGBoostOptions options, string property)
    {
        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(property, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ListsEachOne()
    {
        var e = Assert.Throws<ArgumentException>(
            new XGBoostOptions { Rounds = -1, Threads = 0 }.Validate
        );
        Assert.Contains("Rounds", e.Message, StringComparison.Ordinal);
        Assert.Contains("Threads", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToParameters_MapsOptionsToXGBoostNamesWithInvariantFormatting()
    {
        var options = new XGBoostOptions
        {
            MaxDepth = 6,
            LearningRate = 0.05,
            Subsample = 0.8,
            ColsampleByTree = 0.75,
            MinChildWeight = 2.5,
            Lambda = 1.5,
            Alpha = 0.25,
            Seed = -3,
            Threads = 2,
            TreeMethod = "exact",
        };

        var parameters = options.ToParameters().ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("binary:logistic", parameters["objective"]);
        Assert.Equal("logloss", parameters["eval_metric"]);
        Assert.Equal("gbtree", parameters["booster"]);
        Assert.Equal("exact", parameters["tree_method"]);
        Assert.Equal("6", parameters["max_depth"]);
        Assert.Equal("0.05", parameters["eta"]);
        Assert.Equal("0.8", parameters["subsample"]);
        Assert.Equal("0.75", parameters["colsample_bytree"]);
        Assert.Equal("2.5", parameters["min_child_weight"]);
        Assert.Equal("1.5", parameters["lambda"]);
        Assert.Equal("0.25", parameters["alpha"]);
        Assert.Equal("0", parameters["gamma"]);
        Assert.Equal("1", parameters["scale_pos_weight"]);
        Assert.Equal("256", parameters["max_bin"]);
        Assert.Equal("-3", parameters["seed"]);
        Assert.Equal("2", parameters["nthread"]);
    }
}
