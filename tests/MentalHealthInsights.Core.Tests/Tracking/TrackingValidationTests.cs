using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Tests.Tracking;

public sealed class TrackingValidationTests
{
    private static void AssertInvalid(Action action) =>
        Assert.Equal(
            TrackingErrorCode.InvalidParameterValue,
            Assert.Throws<TrackingException>(action).ErrorCode
        );

    [Theory]
    [InlineData("auc")]
    [InlineData("cv/fold_1/auc")]
    [InlineData("test auc.ci-low:95")]
    [InlineData("métrica")]
    public void ValidateKey_AllowedCharacters_Accepted(string key) =>
        TrackingValidation.ValidateKey(key, "Metric");

    [Theory]
    [InlineData("")]
    [InlineData("a*b")]
    [InlineData("a\\b")]
    [InlineData("/lead")]
    [InlineData("trail/")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("../up")]
    [InlineData(".")]
    public void ValidateKey_BadKey_InvalidParameterValue(string key) =>
        AssertInvalid(() => TrackingValidation.ValidateKey(key, "Metric"));

    [Fact]
    public void ValidateKey_250And251Characters_OnlyTheFirstAccepted()
    {
        TrackingValidation.ValidateKey(new string('k', 250), "Param");

        AssertInvalid(() => TrackingValidation.ValidateKey(new string('k', 251), "Param"));
    }

    [Fact]
    public void ValidateTag_8000And8001Characters_OnlyTheFirstAccepted()
    {
        TrackingValidation.ValidateTag(new RunTag("t", new string('v', 8000)));

        AssertInvalid(() => TrackingValidation.ValidateTag(new RunTag("t", new string('v', 8001))));
    }

    [Fact]
    public void ValidateParam_NullValue_InvalidParameterValue() =>
        AssertInvalid(() => TrackingValidation.ValidateParam(new Param("p", null!)));

    [Theory]
    [InlineData(1000, 0, 0, true)]
    [InlineData(1001, 0, 0, false)]
    [InlineData(0, 100, 0, true)]
    [InlineData(0, 101, 0, false)]
    [InlineData(0, 0, 100, true)]
    [InlineData(0, 0, 101, false)]
    [InlineData(800, 100, 100, true)]
    [InlineData(801, 100, 100, false)]
    public void ValidateBatch_Counts_LimitsEnforced(int metrics, int parameters, int tags, bool ok)
    {
        void Validate() =>
            TrackingValidation.ValidateBatch(
                [.. Enumerable.Range(0, metrics).Select(i => new Metric($"m{i}", i, 0))],
                [.. Enumerable.Range(0, parameters).Select(i => new Param($"p{i}", "v"))],
                [.. Enumerable.Range(0, tags).Select(i => new RunTag($"t{i}", "v"))]
            );

        if (ok)
        {
            Validate();
        }
        else
        {
            AssertInvalid(Validate);
        }
    }

    [Fact]
    public void ValidateBatch_DuplicateParamKey_InvalidParameterValue() =>
        AssertInvalid(() =>
            TrackingValidation.ValidateBatch(null, [new Param("a", "1"), new Param("a", "2")], null)
        );

    [Fact]
    public void ValidateBatch_NaNMetric_Accepted() =>
        TrackingValidation.ValidateBatch([new Metric("m", double.NaN, 0)], null, null);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void ValidateExperimentName_Blank_InvalidParameterValue(string name) =>
        AssertInvalid(() => TrackingValidation.ValidateExperimentName(name));

    [Fact]
    public void ValidateExperimentTags_ValueOver5000_InvalidParameterValue() =>
        AssertInvalid(() =>
            TrackingValidation.ValidateExperimentTags(
                new Dictionary<string, string> { ["k"] = new string('v', 5001) }
            )
        );
}
