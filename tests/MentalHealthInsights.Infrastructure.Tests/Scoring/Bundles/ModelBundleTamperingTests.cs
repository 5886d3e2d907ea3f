using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;

public sealed class ModelBundleTamperingTests(BundleModelsFixture fixture)
    : IClassFixture<BundleModelsFixture>
{
    public static readonly TheoryData<string> Files = new(
        "manifest.json",
        "metadata.json",
        "preprocessor.json",
        "calibration.json",
        "model.zip"
    );

    [Theory]
    [MemberData(nameof(BundleModelsFixture.Kinds), MemberType = typeof(BundleModelsFixture))]
    public void Load_FlippedByteInEveryFile_FailsNamingThatFile(string kind)
    {
        using var temp = new TempFolder();
        var folder = Write(temp, kind);
        var pristine = Snapshot(folder);
        Assert.True(pristine.Count >= 4);

        var checkedFlips = 0;
        foreach (var (file, bytes) in pristine)
        {
            // Every byte of the manifest (whose damage must not be blamed on another file); an
            // even spread, first and last byte included, over the other files.
            var positions =
                file == "manifest.json"
                    ? BundleEditor.Positions(bytes.Length, spread: int.MaxValue / 4)
                    : BundleEditor.Positions(bytes.Length, spread: 64);
            foreach (var position in positions)
            {
                var path = Path.Combine(folder, file);
                BundleEditor.FlipByte(path, position);

                var error = Assert.Throws<ModelBundleException>(() =>
                    ModelBundleReader.Load(folder)
                );

                Assert.Equal(file, error.FileName);
                Assert.StartsWith(file + ": ", error.Message, StringComparison.Ordinal);
                Assert.Equal(
                    file == "manifest.json" ? error.Kind : ModelBundleErrorKind.HashMismatch,
                    error.Kind
                );
                File.WriteAllBytes(path, bytes);
                checkedFlips++;
            }
        }

        Assert.True(checkedFlips > 500);
        using var intact = ModelBundleReader.Load(folder); // restored: loads again
    }

    [Fact]
    public void Load_FlippedByteInFile_MessageSaysHashDoesNotMatchManifest()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Xgb);
        BundleEditor.FlipByte(Path.Combine(folder, "model.json"), 500);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(
            "model.json: SHA-256 does not match the manifest (the file was changed or damaged).",
            error.Message
        );
        Assert.Equal(folder, error.BundlePath);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_TruncatedFile_FailsNamingThatFile(string file)
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.RfPlatt);
        var path = Path.Combine(folder, file);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^1]);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(file, error.FileName);
        Assert.Equal(
            file == "manifest.json"
                ? ModelBundleErrorKind.ManifestInvalid
                : ModelBundleErrorKind.SizeMismatch,
            error.Kind
        );
        if (file != "manifest.json")
        {
            Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_MissingFile_FailsNamingThatFile(string file)
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.RfPlatt);
        File.Delete(Path.Combine(folder, file));

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(file, error.FileName);
        Assert.Equal(
            file == "manifest.json"
                ? ModelBundleErrorKind.ManifestMissing
                : ModelBundleErrorKind.FileMissing,
            error.Kind
        );
    }

    [Fact]
    public void Load_ExtraFile_FailsNamingTheExtraFile()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "hello");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.UnlistedFile, error.Kind);
        Assert.Equal("notes.txt", error.FileName);
        Assert.Contains("not listed in the manifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtraSubfolder_FailsNamingTheSubfolder()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);
        Directory.CreateDirectory(Path.Combine(folder, "extra"));

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.UnlistedFile, error.Kind);
        Assert.Equal("extra/", error.FileName);
    }

    [Fact]
    public void Load_ExtraFileListedInResealedManifest_FailsAsNotPartOfTheBundle()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Xgb);
        File.WriteAllText(Path.Combine(folder, "model.zip"), "a second model");
        BundleEditor.Reseal(folder);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.UnlistedFile, error.Kind);
        Assert.Equal("model.zip", error.FileName);
    }

    [Fact]
    public void Load_ManifestSchemaVersion2_FailsAsUnsupported()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);
        BundleEditor.Reseal(folder, schemaVersion: 2);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(folder));

        Assert.Equal(ModelBundleErrorKind.UnsupportedSchemaVersion, error.Kind);
        Assert.Equal("manifest.json", error.FileName);
        Assert.Contains(
            "schemaVersion 2 is not supported",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Load_ResealedManifest_LoadsBecauseTheDocumentedFormatIsWhatTheReaderChecks()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.RfPlatt);
        BundleEditor.Reseal(folder);

        using var loaded = ModelBundleReader.Load(folder);

        Assert.Equal("rf", loaded.Metadata.TrainerName);
    }

    [Fact]
    public void Load_NoSuchPath_FailsAsNotFound()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<ModelBundleException>(() =>
            ModelBundleReader.Load(temp.Combine("nothing"))
        );

        Assert.Equal(ModelBundleErrorKind.NotFound, error.Kind);
        Assert.Null(error.FileName);
        Assert.Equal(temp.Combine("nothing"), error.BundlePath);
    }

    [Fact]
    public void Load_EmptyFolder_FailsAsManifestMissing()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleReader.Load(temp.Path));

        Assert.Equal(ModelBundleErrorKind.ManifestMissing, error.Kind);
        Assert.Equal(
            "manifest.json: missing; this is not a model bundle, or an incomplete one.",
            error.Message
        );
    }

    [Fact]
    public void Load_FolderOverLimits_FailsAsLimitExceeded()
    {
        using var temp = new TempFolder();
        var folder = Write(temp, BundleModelsFixture.Lr);

        var bySize = Assert.Throws<ModelBundleException>(() =>
            ModelBundleReader.Load(folder, new ModelBundleReaderOptions { MaxTotalBytes = 1000 })
        );
        var byCount = Assert.Throws<ModelBundleException>(() =>
            ModelBundleReader.Load(folder, new ModelBundleReaderOptions { MaxEntries = 2 })
        );

        Assert.Equal(ModelBundleErrorKind.LimitExceeded, bySize.Kind);
        Assert.Equal(ModelBundleErrorKind.LimitExceeded, byCount.Kind);
    }

    private string Write(TempFolder temp, string kind)
    {
        var model = fixture.Model(kind);
        return ModelBundleWriter
            .Write(temp.Combine("bundle"), fixture.Metadata(model), fixture.Preprocessor, model)
            .Folder!;
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory
            .EnumerateFiles(folder)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
}
