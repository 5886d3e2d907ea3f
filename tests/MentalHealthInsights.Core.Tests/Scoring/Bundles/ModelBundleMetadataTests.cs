using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Evaluation;

namespace MentalHealthInsights.Core.Tests.Scoring.Bundles;

public class ModelBundleMetadataTests
{
    public static readonly TheoryData<string, string> InvalidCases = new()
    {
        { "schema", "bundleSchemaVersion is 2" },
        { "modelName", "modelName is missing or blank." },
        { "trainerName", "trainerName is missing or blank." },
        { "displayName", "displayName contains a control character." },
        { "modelFormat", "modelFormat is longer than 256 characters." },
        { "features", "features/target: The feature list is empty" },
        { "severity", "features/target: 'Severity' cannot be a feature" },
        { "target", "features/target: Target 'Severity' is not supported" },
        { "threshold", "threshold must be a number within [0, 1]." },
        { "thresholdNaN", "threshold must be a number within [0, 1]." },
        { "strategy", "thresholdStrategy is missing or blank." },
        { "calibration", "calibration is not a known calibration method." },
        { "metricInfinite", "metrics.roc_auc has an infinite value" },
        { "metricBounds", "metrics.roc_auc: lower is greater than upper." },
        { "cvNegativeStd", "cvMetrics.roc_auc: the standard deviation is negative." },
        { "cvNegativeCount", "cvMetrics.roc_auc: the fold count is negative." },
        { "dataSha", "dataSha256 must be 64 lowercase hexadecimal digits." },
        { "dataShaUpper", "dataSha256 must be 64 lowercase hexadecimal digits." },
        { "hyperBlankKey", "hyperParameters has a blank name." },
        { "libraryBlankValue", "libraryVersions.xgboost has no value." },
        { "git", "gitCommit must be null or 7–64 lowercase hexadecimal digits" },
        { "createdOffset", "createdAtUtc must be in UTC (offset zero)." },
        { "createdDefault", "createdAtUtc is not set." },
        { "reason", "promotableReason is missing or blank" },
        { "warningBlank", "warnings contains a null or blank entry." },
    };

    [Fact]
    public void FindProblems_ValidMetadata_Empty()
    {
        Assert.Empty(Valid().FindProblems());
        Valid().Validate();
    }

    [Fact]
    public void FindProblems_NullGitCommitDirtySuffixAndUndefinedMetrics_Valid()
    {
        var metadata = Valid() with
        {
            GitCommit = null,
            Metrics = new Dictionary<string, Interval> { ["pr_auc"] = Interval.Undefined },
            CvMetrics = new Dictionary<string, MetricSummary>
            {
                ["pr_auc"] = new(double.NaN, double.NaN, 0),
            },
        };
        Assert.Empty(metadata.FindProblems());
        Assert.Empty((Valid() with { GitCommit = "abc1234-dirty" }).FindProblems());
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void FindProblems_OneInvalidField_ReportsExactlyThatField(string field, string expected)
    {
        var metadata = Break(field);

        var problems = metadata.FindProblems();

        var problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ThrowsListingEvery()
    {
        var metadata = Valid() with { ModelName = " ", Threshold = -0.1 };

        var error = Assert.Throws<ArgumentException>(metadata.Validate);

        Assert.Equal(
            "Invalid model bundle metadata: modelName is missing or blank. threshold must be a number within [0, 1].",
            error.Message
        );
    }

    [Fact]
    public void Equals_SameContentInOtherInstancesAndOrder_True()
    {
        var a = Valid();
        var b = Valid() with
        {
            Features = [.. FeatureSpec.Default.Features],
            Metrics = a.Metrics.Reverse().ToDictionary(),
            HyperParameters = a.HyperParameters.Reverse().ToDictionary(),
            Warnings = [.. a.Warnings],
        };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("threshold")]
    [InlineData("metric")]
    [InlineData("cv")]
    [InlineData("feature order")]
    [InlineData("hyper")]
    [InlineData("warning")]
    [InlineData("created")]
    public void Equals_OneDifference_False(string difference)
    {
        var a = Valid();
        var b = difference switch
        {
            "threshold" => a with { Threshold = 0.5000001 },
            "metric" => a with
            {
                Metrics = new Dictionary<string, Interval> { ["roc_auc"] = new(0.8, 0.7, 0.91) },
            },
            "cv" => a with
            {
                CvMetrics = new Dictionary<string, MetricSummary>
                {
                    ["roc_auc"] = new(0.8, 0.05, 4),
                },
            },
            "feature order" => a with { Features = [.. a.Features.Reverse()] },
            "hyper" => a with
            {
                HyperParameters = new Dictionary<string, string> { ["eta"] = "0.3" },
            },
            "warning" => a with { Warnings = [] },
            "created" => a with { CreatedAtUtc = a.CreatedAtUtc.AddTicks(1) },
            _ => throw new ArgumentOutOfRangeException(nameof(difference)),
        };

        Assert.NotEqual(a, b);
    }

    private static ModelBundleMetadata Valid() =>
        new()
        {
            ModelName = "mental-health-xgb",
            TrainerName = "xgb",
            DisplayName = "XGBoost 1.7.4 (gradient-boosted trees)",
            ModelFormat = "xgboost-json",
            Features = FeatureSpec.Default.Features,
            Target = FeatureSpec.Default.Target,
            Threshold = 0.5,
            ThresholdStrategy = "max_f1",
            Calibration = CalibrationMethod.Isotonic,
            Metrics = new Dictionary<string, Interval>
            {
                ["roc_auc"] = new(0.8, 0.7, 0.9),
                ["f1"] = new(0.6, 0.5, 0.7),
            },
            CvMetrics = new Dictionary<string, MetricSummary> { ["roc_auc"] = new(0.8, 0.05, 5) },
            DataSha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            Seed = 7,
            HyperParameters = new Dictionary<string, string>
            {
                ["eta"] = "0.3",
                ["rounds"] = "100",
                ["note"] = "",
            },
            LibraryVersions = new Dictionary<string, string> { ["xgboost"] = "1.7.4" },
            GitCommit = "0123456789abcdef0123456789abcdef01234567",
            CreatedAtUtc = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero),
            Promotable = false,
            PromotableReason = "No model is better than chance on this data.",
            Warnings = ["Suspected leakage allowed."],
        };

    private static ModelBundleMetadata Break(string field)
    {
        var v = Valid();
        return field switch
        {
            "schema" => v with { BundleSchemaVersion = 2 },
            "modelName" => v with { ModelName = "" },
            "trainerName" => v with { TrainerName = null! },
            "displayName" => v with { DisplayName = "a\nb" },
            "modelFormat" => v with { ModelFormat = new string('x', 257) },
            "features" => v with { Features = [] },
            "severity" => v with { Features = ["Age", "Severity"] },
            "target" => v with { Target = "Severity", Features = ["Age"] },
            "threshold" => v with { Threshold = 1.01 },
            "thresholdNaN" => v with { Threshold = double.NaN },
            "strategy" => v with { ThresholdStrategy = "" },
            "calibration" => v with { Calibration = (CalibrationMethod)9 },
            "metricInfinite" => v with
            {
                Metrics = new Dictionary<string, Interval>
                {
                    ["roc_auc"] = new(double.PositiveInfinity, 0, 1),
                },
            },
            "metricBounds" => v with
            {
                Metrics = new Dictionary<string, Interval> { ["roc_auc"] = new(0.5, 0.9, 0.1) },
            },
            "cvNegativeStd" => v with
            {
                CvMetrics = new Dictionary<string, MetricSummary>
                {
                    ["roc_auc"] = new(0.5, -0.1, 5),
                },
            },
            "cvNegativeCount" => v with
            {
                CvMetrics = new Dictionary<string, MetricSummary>
                {
                    ["roc_auc"] = new(0.5, 0.1, -1),
                },
            },
            "dataSha" => v with { DataSha256 = "abc" },
            "dataShaUpper" => v with { DataSha256 = v.DataSha256.ToUpperInvariant() },
            "hyperBlankKey" => v with
            {
                HyperParameters = new Dictionary<string, string> { [" "] = "1" },
            },
            "libraryBlankValue" => v with
            {
                LibraryVersions = new Dictionary<string, string> { ["xgboost"] = " " },
            },
            "git" => v with { GitCommit = "main" },
            "createdOffset" => v with
            {
                CreatedAtUtc = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(1)),
            },
            "createdDefault" => v with { CreatedAtUtc = default },
            "reason" => v with { PromotableReason = " " },
            "warningBlank" => v with { Warnings = ["ok", ""] },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }
}
