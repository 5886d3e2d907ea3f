using MentalHealthInsights.Core.Scoring.Bundles;

namespace MentalHealthInsights.Core.Tests.Scoring.Bundles;

public class ModelBundleExceptionTests
{
    [Fact]
    public void Constructor_WithFile_MessageIsFileColonProblem()
    {
        var error = new ModelBundleException(
            ModelBundleErrorKind.HashMismatch,
            "model.json",
            "SHA-256 does not match the manifest."
        )
        {
            BundlePath = "/models/xgb",
        };

        Assert.Equal("model.json: SHA-256 does not match the manifest.", error.Message);
        Assert.Equal("SHA-256 does not match the manifest.", error.Problem);
        Assert.Equal("model.json", error.FileName);
        Assert.Equal(ModelBundleErrorKind.HashMismatch, error.Kind);
        Assert.Equal("/models/xgb", error.BundlePath);
    }

    [Fact]
    public void Constructor_WithoutFile_MessageIsTheProblem()
    {
        var error = new ModelBundleException(ModelBundleErrorKind.NotFound, null, "nothing here.");

        Assert.Equal("nothing here.", error.Message);
        Assert.Null(error.FileName);
    }
}
