using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Artifacts;

// Core's ArtifactPath rules, tested here beside the artifact adapters (Core.Tests has no Artifacts folder yet).
public sealed class ArtifactPathTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData(".", "")]
    [InlineData("model", "model")]
    [InlineData("model/", "model")]
    [InlineData("plots/test/roc.png", "plots/test/roc.png")]
    [InlineData("..hidden/x", "..hidden/x")]
    public void Normalize_SafePath_Normalized(string? path, string expected) =>
        Assert.Equal(expected, ArtifactPath.Normalize(path));

    [Theory]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("a/../b")]
    [InlineData("/abs")]
    [InlineData("C:/x")]
    [InlineData("c:")]
    [InlineData("a\\b")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("a\u0000b")]
    public void Normalize_UnsafePath_InvalidParameterValueNamingThePath(string path)
    {
        var error = Assert.Throws<TrackingException>(() => ArtifactPath.Normalize(path));

        Assert.Equal(TrackingErrorCode.InvalidParameterValue, error.ErrorCode);
        Assert.StartsWith("Invalid artifact path", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "a", "a")]
    [InlineData("a", "", "a")]
    [InlineData("a/b", "c/d", "a/b/c/d")]
    public void Combine_TwoPaths_JoinedWithSlash(string left, string right, string expected) =>
        Assert.Equal(expected, ArtifactPath.Combine(left, right));
}
