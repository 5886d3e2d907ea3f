using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Tests.Registry;

public sealed class RegistryValidationTests
{
    private static void AssertInvalid(Action action) =>
        Assert.Equal(
            TrackingErrorCode.InvalidParameterValue,
            Assert.Throws<TrackingException>(action).ErrorCode
        );

    [Theory]
    [InlineData("champion")]
    [InlineData("challenger")]
    [InlineData("prod_2025-01")]
    [InlineData("v")]
    [InlineData("v1x")]
    public void ValidateAlias_Allowed_Accepted(string alias) =>
        RegistryValidation.ValidateAlias(alias);

    [Theory]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("V22")]
    [InlineData("3")]
    [InlineData("latest")]
    [InlineData("LATEST")]
    [InlineData("with space")]
    [InlineData("a.b")]
    [InlineData("a/b")]
    public void ValidateAlias_ReservedOrBadCharacters_InvalidParameterValue(string alias) =>
        AssertInvalid(() => RegistryValidation.ValidateAlias(alias));

    [Fact]
    public void ValidateAlias_256Characters_InvalidParameterValue()
    {
        RegistryValidation.ValidateAlias(new string('a', 255));

        AssertInvalid(() => RegistryValidation.ValidateAlias(new string('a', 256)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" padded")]
    public void ValidateModelName_BlankOrPadded_InvalidParameterValue(string name) =>
        AssertInvalid(() => RegistryValidation.ValidateModelName(name));

    [Theory]
    [InlineData("a/b@c")]
    [InlineData("a@b")]
    [InlineData("a/b")]
    [InlineData("a\nb")]
    public void ValidateModelName_SeparatorOrControlCharacter_InvalidParameterValue(string name) =>
        AssertInvalid(() => RegistryValidation.ValidateModelName(name));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ValidateVersion_NotPositive_InvalidParameterValue(int version) =>
        AssertInvalid(() => RegistryValidation.ValidateVersion(version));

    [Fact]
    public void ValidateTag_ValueOver5000_InvalidParameterValue() =>
        AssertInvalid(() => RegistryValidation.ValidateTag("k", new string('v', 5001)));
}
