using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>The low-level binding: library loading, errors, and the thin DMatrix/Booster wrappers.</summary>
public sealed class XGBoostNativeTests
{
    [Fact]
    public void LibraryVersion_InstalledLibrary_IsAtLeast17()
    {
        var version = Version.Parse(XGBoostModel.LibraryVersion);

        Assert.True(version >= new Version(1, 7), XGBoostModel.LibraryVersion);
        Assert.Equal(2, XGBoostModel.LibraryVersion.Count(c => c == '.'));
    }

    [Fact]
    public void TryLoadFirst_FirstNameMissing_FallsBackToSoname()
    {
        Assert.True(
            XGBoostLibrary.TryLoadFirst(
                ["libxgboost-not-here.so.9", "libxgboost.so.0"],
                out var handle
            )
        );
        try
        {
            Assert.NotEqual(IntPtr.Zero, NativeLibrary.GetExport(handle, "XGBoosterPredict"));
        }
        finally
        {
            NativeLibrary.Free(handle);
        }

        Assert.Equal(["libxgboost.so.0"], XGBoostLibrary.FallbackNames);
    }

    [Fact]
    public void TryLoadFirst_NoNameLoads_ReturnsFalse()
    {
        Assert.False(XGBoostLibrary.TryLoadFirst(["libxgboost-not-here.so.9"], out var handle));
        Assert.Equal(IntPtr.Zero, handle);
    }

    [Fact]
    public void UnavailableException_Default_TellsUserWhatToInstall()
    {
        var e = new XGBoostUnavailableException();

        Assert.Contains(
            "apt-get install libxgboost0 libxgboost-dev",
            e.Message,
            StringComparison.Ordinal
        );
        Assert.IsAssignableFrom<XGBoostException>(e);
    }

    [Fact]
    public void Clean_NativeMessage_DropsTimestampAndStackTrace()
    {
        const string raw =
            "[21:14:04] ./src/learner.cc:1017: Check failed: x == y : BoostLearner: wrong model format\n"
            + "Stack trace:\n  [bt] (0) /lib/libxgboost.so(foo+0x79) [0x7f]\n\n";

        var e = XGBoostException.FromNative(raw);

        Assert.Equal(
            "./src/learner.cc:1017: Check failed: x == y : BoostLearner: wrong model format",
            e.Message
        );
        Assert.Equal(raw, e.NativeMessage);
        Assert.False(string.IsNullOrWhiteSpace(XGBoostException.FromNative(null).Message));
    }

    [Fact]
    public void DMatrix_FromDense_ReportsShape()
    {
        using var matrix = DMatrix.FromDense([1f, float.NaN, 3f, 4f, 5f, float.NaN], 3, 2);

        Assert.Equal(3, matrix.RowCount);
        Assert.Equal(2, matrix.ColumnCount);
    }

    [Fact]
    public void Booster_PredictWithWrongColumnCount_ThrowsXGBoostExceptionFromLibrary()
    {
        using var booster = TrainTiny(out _);
        using var wide = DMatrix.FromDense(new float[12], 2, 6);

        var e = Assert.Throws<XGBoostException>(() =>
            booster.Predict(wide, PredictionKind.Probability)
        );
        Assert.Contains("Number of columns does not match", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Booster_EvalOneIter_ReportsTrainingLogLoss()
    {
        using var booster = TrainTiny(out var train);
        using (train)
        {
            var line = booster.EvalOneIter(4, train, "train");

            Assert.StartsWith("[4]\ttrain-logloss:", line, StringComparison.Ordinal);
            var value = double.Parse(
                line["[4]\ttrain-logloss:".Length..],
                CultureInfo.InvariantCulture
            );
            Assert.InRange(value, 0, Math.Log(2));
        }
    }

    [Fact]
    public void Booster_SaveModelToJsonFile_WritesSameBytesAsBufferAndLoadsBack()
    {
        using var dir = new TempDirectory();
        using var booster = TrainTiny(out var train);
        train.Dispose();
        var path = dir.File("native.json");

        booster.SaveModel(path);
        using var loaded = Booster.Create(null);
        loaded.LoadModel(path);

        Assert.Equal(booster.SaveJson(), File.ReadAllBytes(path));
        Assert.Equal(booster.BoostedRounds, loaded.BoostedRounds);
        Assert.Equal(4, loaded.FeatureCount);
        Assert.StartsWith(
            "{",
            Encoding.UTF8.GetString(File.ReadAllBytes(path)),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Booster_SaveJsonConfig_IsCompleteJson()
    {
        using var booster = TrainTiny(out var train);
        train.Dispose();

        var config = booster.SaveJsonConfig();

        using var document = JsonDocument.Parse(config);
        Assert.Equal(3, document.RootElement.GetProperty("version").GetArrayLength());
    }

    private static Booster TrainTiny(out DMatrix train)
    {
        var data = SyntheticXGBoostData.Create(60, 4, seed: 31);
        train = DMatrix.FromDense(data.Features, 60, 4);
        train.SetFloatInfo("label", data.Labels);
        var booster = Booster.Create(train);
        foreach (var (name, value) in new XGBoostOptions { MaxDepth = 2 }.ToParameters())
        {
            booster.SetParam(name, value);
        }

        for (var i = 0; i < 5; i++)
        {
            booster.UpdateOneIter(i, train);
        }

        return booster;
    }
}
