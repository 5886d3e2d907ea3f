using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;

/// <summary>A failure or cancellation at any point of a write never leaves a half bundle.</summary>
public sealed class ModelBundleWriterAtomicityTests(BundleModelsFixture fixture)
    : IClassFixture<BundleModelsFixture>
{
    public static readonly TheoryData<string> Steps = new(
        "calibration.json",
        "metadata.json",
        "model.zip",
        "preprocessor.json",
        "manifest.json",
        ModelBundleWriter.ArchiveStep,
        ModelBundleWriter.FolderCommittedStep
    );

    [Theory]
    [MemberData(nameof(Steps))]
    public void Write_ThrowsAtAnyStep_LeavesNoBundleAndNoTemporaries(string step)
    {
        using var temp = new TempFolder();
        var model = fixture.Model(BundleModelsFixture.RfPlatt);
        var stepsSeen = new List<string>();

        var error = Assert.Throws<ModelBundleException>(() =>
            ModelBundleWriter.Write(
                temp.Combine("bundle"),
                fixture.Metadata(model),
                fixture.Preprocessor,
                model,
                calibrator: null,
                overwrite: false,
                afterStep: s =>
                {
                    stepsSeen.Add(s);
                    if (s == step)
                    {
                        throw new IOException("simulated crash");
                    }
                },
                CancellationToken.None
            )
        );

        Assert.Equal(ModelBundleErrorKind.WriteFailed, error.Kind);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal("cannot write the bundle: simulated crash", error.Message);
        Assert.Contains(step, stepsSeen);
        Assert.Empty(temp.Names());
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Write_OverwriteThrowsAtAnyStep_PreviousBundleIntactAndLoadable(string step)
    {
        using var temp = new TempFolder();
        var lr = fixture.Model(BundleModelsFixture.Lr);
        var rf = fixture.Model(BundleModelsFixture.RfPlatt);
        var old = ModelBundleWriter.Write(
            temp.Combine("bundle"),
            fixture.Metadata(lr),
            fixture.Preprocessor,
            lr
        );
        var oldArchive = File.ReadAllBytes(old.ArchivePath!);

        var error = Assert.Throws<ModelBundleException>(() =>
            ModelBundleWriter.Write(
                temp.Combine("bundle"),
                fixture.Metadata(rf),
                fixture.Preprocessor,
                rf,
                calibrator: null,
                overwrite: true,
                afterStep: s =>
                {
                    if (s == step)
                    {
                        throw new IOException("simulated crash");
                    }
                },
                CancellationToken.None
            )
        );

        Assert.Equal(ModelBundleErrorKind.WriteFailed, error.Kind);
        Assert.Equal(["bundle", "bundle.mhib"], temp.Names());
        Assert.Equal(oldArchive, File.ReadAllBytes(old.ArchivePath!));
        using var loaded = ModelBundleReader.Load(old.Folder!);
        Assert.Equal("lr", loaded.Metadata.TrainerName);
    }

    [Fact]
    public void Write_ModelSaveThrowsMidWrite_LeavesNothing()
    {
        using var temp = new TempFolder();
        var baseline = fixture.Model(BundleModelsFixture.Baseline);
        using var failing = new FailingSaveModel(
            baseline,
            () => throw new InvalidOperationException("disk on fire")
        );

        var error = Assert.Throws<InvalidOperationException>(() =>
            ModelBundleWriter.Write(
                temp.Combine("bundle"),
                fixture.Metadata(baseline),
                fixture.Preprocessor,
                failing
            )
        );

        Assert.Equal("disk on fire", error.Message);
        Assert.Empty(temp.Names());
    }

    [Fact]
    public void Write_CancelledMidWrite_ThrowsAndLeavesNothing()
    {
        using var temp = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var baseline = fixture.Model(BundleModelsFixture.Baseline);
        using var cancelling = new FailingSaveModel(baseline, cancellation.Cancel);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ModelBundleWriter.Write(
                temp.Combine("bundle"),
                fixture.Metadata(baseline),
                fixture.Preprocessor,
                cancelling,
                cancellationToken: cancellation.Token
            )
        );

        Assert.Empty(temp.Names());
    }
}
