using System.IO.Compression;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;

public sealed class ModelBundleRoundTripTests(BundleModelsFixture fixture)
    : IClassFixture<BundleModelsFixture>
{
    // The model's bundle (folder and archive) with the fixture's metadata and preprocessor.
    private ModelBundleLocation Write(
        TempFolder temp,
        IBinaryModel model,
        string name = "bundle"
    ) =>
        ModelBundleWriter.Write(
            temp.Combine(name),
            fixture.Metadata(model),
            fixture.Preprocessor,
            model
        );

    [Theory]
    [MemberData(nameof(BundleModelsFixture.Kinds), MemberType = typeof(BundleModelsFixture))]
    public void Load_FolderAndArchive_PredictionsBitwiseIdenticalToInMemoryModel(string kind)
    {
        using var temp = new TempFolder();
        var model = fixture.Model(kind);
        var location = Write(temp, model);

        foreach (var path in new[] { location.Folder!, location.ArchivePath! })
        {
            using var loaded = ModelBundleReader.Load(path);
            for (var i = 0; i < fixture.Scoring.Count; i++)
            {
                var record = fixture.Scoring[i];
                var expected = model.Predict(fixture.Preprocessor.Transform(record));
                var actual = loaded.Model.Predict(loaded.Preprocessor.Transform(record));
                Assert.Equal(
                    BitConverter.DoubleToInt64Bits(expected),
                    BitConverter.DoubleToInt64Bits(actual)
                );
            }

            var expectedExplanation = model.Explain(
                fixture.Preprocessor.Transform(fixture.Scoring[0])
            );
            var actualExplanation = loaded.Model.Explain(
                loaded.Preprocessor.Transform(fixture.Scoring[0])
            );
            Assert.Equal(expectedExplanation.Values, actualExplanation.Values);
            Assert.Equal(expectedExplanation.Bias, actualExplanation.Bias);
        }
    }

    [Theory]
    [MemberData(nameof(BundleModelsFixture.Kinds), MemberType = typeof(BundleModelsFixture))]
    public void PredictProbabilities_LoadedBundle_EqualsOneRecordAtATimeBitForBit(string kind)
    {
        // Batch scoring's path (a block of rows at a time where the model, or the raw model
        // under a calibrator, scores blocks) against the one-record path, over more than one
        // 64-row block.
        using var temp = new TempFolder();
        var model = fixture.Model(kind);
        var location = Write(temp, model);
        using var loaded = ModelBundleReader.Load(location.Folder!);
        var predictor = new Predictor(loaded.Preprocessor, loaded.Model, 0.5);
        var records = fixture.Scoring.ToArray();
        var probabilities = new double[records.Length];

        predictor.PredictProbabilities(records, probabilities);

        Assert.True(records.Length > 64);
        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal(
                BitConverter.DoubleToInt64Bits(predictor.PredictProbability(records[i])),
                BitConverter.DoubleToInt64Bits(probabilities[i])
            );
        }
    }

    [Theory]
    [MemberData(nameof(BundleModelsFixture.Kinds), MemberType = typeof(BundleModelsFixture))]
    public void Load_AnyKind_MetadataPreprocessorAndCalibrationRoundTrip(string kind)
    {
        using var temp = new TempFolder();
        var model = fixture.Model(kind);
        var metadata = fixture.Metadata(model);
        var location = ModelBundleWriter.Write(
            temp.Combine("bundle"),
            metadata,
            fixture.Preprocessor,
            model
        );

        using var loaded = ModelBundleReader.Load(location.Folder!);

        Assert.Equal(metadata, loaded.Metadata);
        Assert.True(double.IsNaN(loaded.Metadata.Metrics["precision"].Estimate));
        Assert.Equal(fixture.Preprocessor.ToJson(), loaded.Preprocessor.ToJson());
        Assert.Equal(model.TrainerName, loaded.Model.TrainerName);
        if (model is CalibratedModel calibrated)
        {
            var loadedCalibrated = Assert.IsType<CalibratedModel>(loaded.Model);
            Assert.Equal(calibrated.Calibrator.Method, loadedCalibrated.Calibrator.Method);
            Assert.Equal(
                ParametersOf(calibrated.Calibrator),
                ParametersOf(loadedCalibrated.Calibrator)
            );
        }
        else
        {
            Assert.IsNotType<CalibratedModel>(loaded.Model);
        }
    }

    [Fact]
    public void Write_CalibratedModel_StoresRawModelAndCalibrationFile()
    {
        using var temp = new TempFolder();
        var model = (CalibratedModel)fixture.Model(BundleModelsFixture.RfPlatt);

        var location = Write(temp, model, "rf");

        Assert.Equal(
            [
                "calibration.json",
                "manifest.json",
                "metadata.json",
                "model.zip",
                "preprocessor.json",
            ],
            Directory
                .EnumerateFiles(location.Folder!)
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
        );
        using var raw = new MemoryStream();
        model.Raw.Save(raw);
        Assert.Equal(raw.ToArray(), File.ReadAllBytes(Path.Combine(location.Folder!, "model.zip")));
    }

    [Fact]
    public void Write_RawModelWithSeparateCalibrator_SameBundleAsCalibratedModel()
    {
        using var temp = new TempFolder();
        var model = (CalibratedModel)fixture.Model(BundleModelsFixture.RfPlatt);
        var metadata = fixture.Metadata(model);

        var wrapped = ModelBundleWriter.Write(
            temp.Combine("a"),
            metadata,
            fixture.Preprocessor,
            model
        );
        var separate = ModelBundleWriter.Write(
            temp.Combine("b"),
            metadata,
            fixture.Preprocessor,
            model.Raw,
            model.Calibrator
        );

        Assert.Equal(
            File.ReadAllBytes(wrapped.ArchivePath!),
            File.ReadAllBytes(separate.ArchivePath!)
        );
    }

    [Theory]
    [MemberData(nameof(BundleModelsFixture.Kinds), MemberType = typeof(BundleModelsFixture))]
    public void Write_SameContentTwice_IdenticalArchiveAndFolderBytes(string kind)
    {
        using var temp = new TempFolder();
        var model = fixture.Model(kind);
        var metadata = fixture.Metadata(model);

        var first = ModelBundleWriter.Write(
            temp.Combine("first"),
            metadata,
            fixture.Preprocessor,
            model
        );
        var second = ModelBundleWriter.Write(
            temp.Combine("second"),
            metadata,
            fixture.Preprocessor,
            model
        );

        Assert.Equal(File.ReadAllBytes(first.ArchivePath!), File.ReadAllBytes(second.ArchivePath!));
        foreach (var file in Directory.EnumerateFiles(first.Folder!).Select(Path.GetFileName))
        {
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(first.Folder!, file!)),
                File.ReadAllBytes(Path.Combine(second.Folder!, file!))
            );
        }
    }

    [Fact]
    public void Write_Archive_ManifestFirstFixedTimestampsSameEntriesAsFolder()
    {
        using var temp = new TempFolder();
        var model = fixture.Model(BundleModelsFixture.RfPlatt);
        var location = Write(temp, model);

        using var archive = ZipFile.OpenRead(location.ArchivePath!);

        Assert.Equal("manifest.json", archive.Entries[0].FullName);
        Assert.All(
            archive.Entries,
            e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime)
        );
        Assert.Equal(
            Directory
                .EnumerateFiles(location.Folder!)
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal),
            archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal)
        );
        foreach (var entry in archive.Entries)
        {
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(location.Folder!, entry.FullName)),
                copy.ToArray()
            );
        }
    }

    [Fact]
    public void Load_FolderAndArchive_SameSha256WhichIsTheManifestHash()
    {
        using var temp = new TempFolder();
        var model = fixture.Model(BundleModelsFixture.Lr);
        var location = Write(temp, model);

        using var fromFolder = ModelBundleReader.Load(location.Folder!);
        using var fromArchive = ModelBundleReader.Load(location.ArchivePath!);

        var manifestHash = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(
                File.ReadAllBytes(Path.Combine(location.Folder!, "manifest.json"))
            )
        );
        Assert.Equal(manifestHash, fromFolder.Sha256);
        Assert.Equal(manifestHash, fromArchive.Sha256);
        Assert.Equal(new ModelBundleLocation(location.Folder, null), fromFolder.Location);
        Assert.Equal(new ModelBundleLocation(null, location.ArchivePath), fromArchive.Location);
    }

    [Fact]
    public void Load_ExpectedSha256_MatchLoadsMismatchFailsNamingManifest()
    {
        using var temp = new TempFolder();
        var model = fixture.Model(BundleModelsFixture.Baseline);
        var location = Write(temp, model);
        string sha;
        using (var loaded = ModelBundleReader.Load(location.Folder!))
        {
            sha = loaded.Sha256;
        }

        using (
            ModelBundleReader.Load(
                location.ArchivePath!,
                new ModelBundleReaderOptions { ExpectedSha256 = sha }
            )
        ) { }
        var error = Assert.Throws<ModelBundleException>(() =>
            ModelBundleReader.Load(
                location.Folder!,
                new ModelBundleReaderOptions { ExpectedSha256 = new string('0', 64) }
            )
        );

        Assert.Equal(ModelBundleErrorKind.IdentityMismatch, error.Kind);
        Assert.Equal("manifest.json", error.FileName);
        Assert.Equal(location.Folder, error.BundlePath);
    }

    [Fact]
    public void Write_XGBoostBundle_ModelJsonIsTheBoostersOwnJson()
    {
        using var temp = new TempFolder();
        var model = (XGBoostBinaryModel)fixture.Model(BundleModelsFixture.Xgb);

        var location = Write(temp, model, "xgb");

        var bytes = File.ReadAllBytes(Path.Combine(location.Folder!, "model.json"));
        Assert.Equal(model.Model.ToJson(), bytes);
        using var reloaded = XGBoostModel.LoadJson(bytes);
        Assert.Equal(model.Model.FeatureCount, reloaded.FeatureCount);
    }

    private static object ParametersOf(ICalibrator calibrator) =>
        calibrator switch
        {
            PlattCalibrator p => p.Parameters,
            IsotonicCalibrator i => i.Parameters,
            _ => throw new InvalidOperationException(),
        };
}
