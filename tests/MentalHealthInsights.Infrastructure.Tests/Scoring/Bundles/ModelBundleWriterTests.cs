using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;

public sealed class ModelBundleWriterTests(BundleModelsFixture fixture)
    : IClassFixture<BundleModelsFixture>
{
    [Fact]
    public void Write_NewFolder_CreatesFolderAndArchiveBesideIt()
    {
        using var temp = new TempFolder();
        var model = fixture.Model(BundleModelsFixture.Lr);

        var location = ModelBundleWriter.Write(
            temp.Combine("models/lr"),
            fixture.Metadata(model),
            fixture.Preprocessor,
            model
        );

        Assert.Equal(temp.Combine("models/lr"), location.Folder);
        Assert.Equal(temp.Combine("models/lr.mhib"), location.ArchivePath);
        Assert.Equal(
            ["lr", "lr.mhib"],
            Directory
                .EnumerateFileSystemEntries(temp.Combine("models"))
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
        );
        Assert.Equal(
            location.ArchivePath,
            ModelBundleLayout.ArchivePathFor(temp.Combine("models/lr/"))
        );
    }

    [Fact]
    public void Write_TargetExists_RefusesWithoutOverwriteAndChangesNothing()
    {
        using var temp = new TempFolder();
        var lr = fixture.Model(BundleModelsFixture.Lr);
        var xgb = fixture.Model(BundleModelsFixture.Xgb);
        var location = ModelBundleWriter.Write(
            temp.Combine("bundle"),
            fixture.Metadata(lr),
            fixture.Preprocessor,
            lr
        );
        var before = File.ReadAllBytes(location.ArchivePath!);

        var error = Assert.Throws<ModelBundleException>(() =>
            ModelBundleWriter.Write(
                temp.Combine("bundle"),
                fixture.Metadata(xgb),
                fixture.Preprocessor,
                xgb
            )
        );

        Assert.Equal(ModelBundleErrorKind.AlreadyExists, error.Kind);
        Assert.Contains("overwrite", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(location.ArchivePath!));
        Assert.Equal(["bundle", "bundle.mhib"], temp.Names());
        using var loaded = ModelBundleReader.Load(location.Folder!);
        Assert.Equal("lr", loaded.Metadata.TrainerName);
    }

    [Fact]
    public void Write_OnlyArchiveExists_RefusesWithoutOverwrite()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("bundle.mhib"), "something");
        var lr = fixture.Model(BundleModelsFixture.Lr);

        var error = Assert.Throws<ModelBundleException>(() =>
            ModelBundleWriter.Write(
                temp.Combine("bundle"),
                fixture.Metadata(lr),
                fixture.Preprocessor,
                lr
            )
        );

        Assert.Equal(ModelBundleErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("something", File.ReadAllText(temp.Combine("bundle.mhib")));
    }

    [Fact]
    public void Write_Overwrite_ReplacesFolderAndArchive()
    {
        using var temp = new TempFolder();
        var lr = fixture.Model(BundleModelsFixture.Lr);
        var xgb = fixture.Model(BundleModelsFixture.Xgb);
        ModelBundleWriter.Write(
            temp.Combine("bundle"),
            fixture.Metadata(lr),
            fixture.Preprocessor,
            lr
        );

        var location = ModelBundleWriter.Write(
            temp.Combine("bundle"),
            fixture.Metadata(xgb),
            fixture.Preprocessor,
            xgb,
            overwrite: true
        );

        using var fromFolder = ModelBundleReader.Load(location.Folder!);
        using var fromArchive = ModelBundleReader.Load(location.ArchivePath!);
        Assert.Equal("xgb", fromFolder.Metadata.TrainerName);
        Assert.Equal("xgb", fromArchive.Metadata.TrainerName);
        Assert.False(File.Exists(Path.Combine(location.Folder!, "model.zip")));
        Assert.Equal(["bundle", "bundle.mhib"], temp.Names());
    }

    [Fact]
    public void Write_OverwriteOnNonBundleFolder_RefusesAndKeepsItsFiles()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("bundle"));
        File.WriteAllText(temp.Combine("bundle/thesis.docx"), "precious");
        var lr = fixture.Model(BundleModelsFixture.Lr);

        var error = Assert.Throws<ModelBundleException>(() =>
            ModelBundleWriter.Write(
                temp.Combine("bundle"),
                fixture.Metadata(lr),
                fixture.Preprocessor,
                lr,
                overwrite: true
            )
        );

        Assert.Equal(ModelBundleErrorKind.AlreadyExists, error.Kind);
        Assert.Contains("not a model bundle", error.Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(temp.Combine("bundle/thesis.docx")));
    }

    [Fact]
    public void Write_OverwriteOnEmptyFolder_Writes()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("bundle"));
        var lr = fixture.Model(BundleModelsFixture.Lr);

        var location = ModelBundleWriter.Write(
            temp.Combine("bundle"),
            fixture.Metadata(lr),
            fixture.Preprocessor,
            lr,
            overwrite: true
        );

        using var loaded = ModelBundleReader.Load(location.Folder!);
        Assert.Equal("lr", loaded.Metadata.TrainerName);
    }

    [Fact]
    public void Write_MetadataDisagreesWithModel_ThrowsArgumentExceptionNamingEachDisagreement()
    {
        using var temp = new TempFolder();
        var lr = fixture.Model(BundleModelsFixture.Lr);
        var metadata = fixture.Metadata(lr) with
        {
            ModelFormat = "xgboost-json",
            TrainerName = "xgb",
            Features = [.. fixture.Preprocessor.Spec.Features.Take(8)],
            Calibration = CalibrationMethod.Platt,
        };

        var error = Assert.Throws<ArgumentException>(() =>
            ModelBundleWriter.Write(temp.Combine("bundle"), metadata, fixture.Preprocessor, lr)
        );

        Assert.Contains("modelFormat is 'xgboost-json'", error.Message, StringComparison.Ordinal);
        Assert.Contains("trainerName is 'xgb'", error.Message, StringComparison.Ordinal);
        Assert.Contains("features/target differ", error.Message, StringComparison.Ordinal);
        Assert.Contains("calibration is 'Platt'", error.Message, StringComparison.Ordinal);
        Assert.Empty(temp.Names());
    }

    [Fact]
    public void Write_InvalidMetadata_ThrowsArgumentException()
    {
        using var temp = new TempFolder();
        var lr = fixture.Model(BundleModelsFixture.Lr);
        var metadata = fixture.Metadata(lr) with { Threshold = double.NaN };

        var error = Assert.Throws<ArgumentException>(() =>
            ModelBundleWriter.Write(temp.Combine("bundle"), metadata, fixture.Preprocessor, lr)
        );

        Assert.Contains("threshold", error.Message, StringComparison.Ordinal);
        Assert.Empty(temp.Names());
    }

    [Fact]
    public void Write_CalibratedModelWithAnotherCalibrator_ThrowsArgumentException()
    {
        using var temp = new TempFolder();
        var rf = fixture.Model(BundleModelsFixture.RfPlatt);
        var other = new PlattCalibrator(new PlattParameters(-1, 0));

        Assert.Throws<ArgumentException>(() =>
            ModelBundleWriter.Write(
                temp.Combine("bundle"),
                fixture.Metadata(rf),
                fixture.Preprocessor,
                rf,
                other
            )
        );
    }

    [Fact]
    public void Write_ModelOfAnotherWidth_ThrowsArgumentException()
    {
        using var temp = new TempFolder();
        var baseline = fixture.Model(BundleModelsFixture.Baseline);
        using var narrow = new Core.Training.Baseline.MajorityBaselineModel(1, 2, columns: 3);

        var error = Assert.Throws<ArgumentException>(() =>
            ModelBundleWriter.Write(
                temp.Combine("bundle"),
                fixture.Metadata(baseline),
                fixture.Preprocessor,
                narrow
            )
        );

        Assert.Contains("output columns", error.Message, StringComparison.Ordinal);
    }
}
