using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;

/// <summary>
/// Bundles whose files all match the manifest (re-sealed after editing) but disagree with each
/// other or with the format rules: the checks behind the manifest.
/// </summary>
public sealed class ModelBundleConsistencyTests(BundleModelsFixture fixture)
    : IClassFixture<BundleModelsFixture>
{
    [Fact]
    public void Load_MetadataSchemaVersion2_FailsAsUnsupportedNamingMetadata()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);
        BundleEditor.EditJson(folder, "metadata.json", n => n["bundleSchemaVersion"] = 2);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.UnsupportedSchemaVersion, error.Kind);
        Assert.Equal("metadata.json", error.FileName);
    }

    [Fact]
    public void Load_MetadataFieldMissing_FailsNamingTheField()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);
        BundleEditor.EditJson(folder, "metadata.json", n => n.AsObject().Remove("threshold"));

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.MetadataInvalid, error.Kind);
        Assert.Equal("metadata.json: required fields are missing: threshold.", error.Message);
    }

    [Fact]
    public void Load_MetadataInvalidValue_FailsWithTheValidationProblem()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);
        BundleEditor.EditJson(folder, "metadata.json", n => n["threshold"] = 1.5);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.MetadataInvalid, error.Kind);
        Assert.Contains(
            "threshold must be a number within [0, 1]",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Load_PreprocessorFeaturesDifferFromMetadata_FailsAsFeatureMismatch()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);
        BundleEditor.EditJson(folder, "metadata.json", n => n["features"]!.AsArray().RemoveAt(8));

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.FeatureMismatch, error.Kind);
        Assert.Equal("preprocessor.json", error.FileName);
        Assert.Contains("do not match metadata.json's", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PreprocessorDamagedButResealed_FailsAsPreprocessorInvalid()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);
        BundleEditor.EditJson(folder, "preprocessor.json", n => n["outputWidth"] = 3);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.PreprocessorInvalid, error.Kind);
        Assert.Equal("preprocessor.json", error.FileName);
        Assert.Contains("outputWidth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownModelFormat_FailsNamingMetadataAndListingKnownFormats()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Xgb);
        BundleEditor.EditJson(folder, "metadata.json", n => n["modelFormat"] = "onnx");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.UnknownFormat, error.Kind);
        Assert.Equal(
            "metadata.json: modelFormat 'onnx' is not a known model format (known: baseline-json, mlnet-zip, xgboost-json).",
            error.Message
        );
    }

    [Fact]
    public void Load_UnknownTrainerForFormat_FailsAsUnknownFormat()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);
        BundleEditor.EditJson(folder, "metadata.json", n => n["trainerName"] = "svm");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.UnknownFormat, error.Kind);
        Assert.Contains(
            "'svm' has no loader for mlnet-zip models",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Load_TrainerNameOfAnotherMlNetAlgorithm_FailsAsModelUnreadable()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);
        BundleEditor.EditJson(folder, "metadata.json", n => n["trainerName"] = "rf");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.ModelUnreadable, error.Kind);
        Assert.Equal("model.zip", error.FileName);
    }

    [Fact]
    public void Load_ModelFileGarbageButResealed_FailsAsModelUnreadable()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Xgb);
        File.WriteAllText(Path.Combine(folder, "model.json"), "{\"not\": \"a model\"}");
        BundleEditor.Reseal(folder);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.ModelUnreadable, error.Kind);
        Assert.StartsWith(
            "model.json: not a readable xgboost-json model",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Load_ModelWidthDiffersFromPreprocessor_FailsAsFeatureMismatch()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Baseline);
        BundleEditor.EditJson(folder, "model.baseline.json", n => n["columns"] = 3);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.FeatureMismatch, error.Kind);
        Assert.Equal("model.baseline.json", error.FileName);
    }

    [Fact]
    public void Load_CalibrationFileRemovedAndResealed_FailsBecauseMetadataSaysCalibrated()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.RfPlatt);
        File.Delete(Path.Combine(folder, "calibration.json"));
        BundleEditor.Reseal(folder);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.FileMissing, error.Kind);
        Assert.Equal(
            "calibration.json: missing; metadata.json says the model is calibrated (platt).",
            error.Message
        );
    }

    [Fact]
    public void Load_CalibrationWithoutMetadataCalibration_FailsNamingCalibration()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.RfPlatt);
        BundleEditor.EditJson(folder, "metadata.json", n => n["calibration"] = null);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.CalibrationInvalid, error.Kind);
        Assert.Equal("calibration.json", error.FileName);
    }

    [Fact]
    public void Load_CalibrationMethodDiffersFromMetadata_FailsNamingCalibration()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.RfPlatt);
        BundleEditor.EditJson(folder, "metadata.json", n => n["calibration"] = "isotonic");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.CalibrationInvalid, error.Kind);
        Assert.Equal("calibration.json", error.FileName);
    }

    [Fact]
    public void Load_InvalidIsotonicKnots_FailsNamingCalibration()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.LrIsotonic);
        BundleEditor.EditJson(
            folder,
            "calibration.json",
            n => n["parameters"]!["values"]!.AsArray().RemoveAt(0)
        );

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.CalibrationInvalid, error.Kind);
        Assert.Equal(
            "calibration.json: invalid parameters: Isotonic knots need at least one threshold and one value per threshold.",
            error.Message
        );
        Assert.Equal("calibration.json", error.FileName);
    }

    private string Write(TempFolder temp, string kind)
    {
        var model = fixture.Model(kind);
        return ModelBundleWriter
            .Write(temp.Combine("bundle"), fixture.Metadata(model), fixture.Preprocessor, model)
            .Folder!;
    }
}
