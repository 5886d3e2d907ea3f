using System.Text;
using System.Text.Json;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

public sealed class XGBoostModelSerializationTests
{
    private const int Rows = 200;
    private const int Cols = 4;
    private static readonly XGBoostOptions Options = new() { Rounds = 25, MaxDepth = 3 };

    [Fact]
    public void LoadJson_OfToJson_PredictsBitwiseIdentically()
    {
        var data = SyntheticXGBoostData.Create(Rows, Cols, seed: 21, missingShare: 0.1);
        using var original = XGBoostModel.Train(data.Features, Rows, Cols, data.Labels, Options);

        var json = original.ToJson();
        using var loaded = XGBoostModel.LoadJson(json);

        Assert.Equal(original.FeatureCount, loaded.FeatureCount);
        Assert.Equal(original.BoostedRounds, loaded.BoostedRounds);
        AssertSamePredictions(original, loaded, data);
        Assert.Equal(json, loaded.ToJson());
    }

    [Fact]
    public void ToJson_IsXGBoostJsonModelFormat()
    {
        var data = SyntheticXGBoostData.Create(Rows, Cols, seed: 22);
        using var model = XGBoostModel.Train(data.Features, Rows, Cols, data.Labels, Options);

        using var document = JsonDocument.Parse(model.ToJson());

        var learner = document.RootElement.GetProperty("learner");
        Assert.Equal(3, document.RootElement.GetProperty("version").GetArrayLength());
        Assert.Equal(
            "binary:logistic",
            learner.GetProperty("objective").GetProperty("name").GetString()
        );
        Assert.Equal(
            "4",
            learner.GetProperty("learner_model_param").GetProperty("num_feature").GetString()
        );
        Assert.Equal(
            25,
            learner
                .GetProperty("gradient_booster")
                .GetProperty("model")
                .GetProperty("trees")
                .GetArrayLength()
        );
    }

    [Fact]
    public void SaveJson_ThenLoadJsonFile_PredictsIdenticallyAndLeavesNoTempFiles()
    {
        var data = SyntheticXGBoostData.Create(Rows, Cols, seed: 23, missingShare: 0.1);
        using var dir = new TempDirectory();
        using var original = XGBoostModel.Train(data.Features, Rows, Cols, data.Labels, Options);
        var path = dir.File("model.json");

        original.SaveJson(path);
        original.SaveJson(path); // overwriting an existing model is allowed
        using var loaded = XGBoostModel.LoadJsonFile(path);

        Assert.Equal(original.ToJson(), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
        AssertSamePredictions(original, loaded, data);
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(2, "2")]
    public void LoadJson_Threads_SetsNthread(int threads, string expected)
    {
        var data = SyntheticXGBoostData.Create(50, 2, seed: 24);
        using var original = XGBoostModel.Train(
            data.Features,
            50,
            2,
            data.Labels,
            Options with
            {
                Threads = 2,
            }
        );

        using var loaded = XGBoostModel.LoadJson(original.ToJson(), threads);
        using var config = JsonDocument.Parse(loaded.GetConfigJson());

        Assert.Equal(
            expected,
            config
                .RootElement.GetProperty("learner")
                .GetProperty("generic_param")
                .GetProperty("nthread")
                .GetString()
        );
    }

    [Fact]
    public void LoadJson_GarbageBytes_ThrowsXGBoostExceptionWithLibraryMessage()
    {
        var e = Assert.Throws<XGBoostException>(() =>
            XGBoostModel.LoadJson("not a model at all"u8)
        );

        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        Assert.DoesNotContain("Stack trace", e.Message, StringComparison.Ordinal);
        Assert.Contains("wrong model format", e.NativeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadJson_JsonThatIsNotAModel_ThrowsXGBoostException()
    {
        var e = Assert.Throws<XGBoostException>(() =>
            XGBoostModel.LoadJson("""{"learner": 1}"""u8)
        );
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void LoadJson_EmptyInput_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => XGBoostModel.LoadJson([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => XGBoostModel.LoadJson("{}"u8, threads: 0));
    }

    [Fact]
    public void LoadJson_OtherObjective_ThrowsArgumentException()
    {
        var data = SyntheticXGBoostData.Create(50, 2, seed: 25);
        using var model = XGBoostModel.Train(data.Features, 50, 2, data.Labels, Options);
        var json = Encoding.UTF8.GetString(model.ToJson());
        var regression = json.Replace(
            "\"name\":\"binary:logistic\"",
            "\"name\":\"reg:logistic\"",
            StringComparison.Ordinal
        );
        Assert.NotEqual(json, regression);

        var e = Assert.Throws<ArgumentException>(() =>
            XGBoostModel.LoadJson(Encoding.UTF8.GetBytes(regression))
        );
        Assert.Contains("reg:logistic", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadJsonFile_MissingFile_ThrowsFileNotFound()
    {
        using var dir = new TempDirectory();
        Assert.Throws<FileNotFoundException>(() =>
            XGBoostModel.LoadJsonFile(dir.File("none.json"))
        );
    }

    private static void AssertSamePredictions(
        XGBoostModel expected,
        XGBoostModel actual,
        SyntheticXGBoostData data
    )
    {
        Assert.True(
            SyntheticXGBoostData.BitwiseEqual(
                expected.PredictProbabilities(data.Features, data.Rows),
                actual.PredictProbabilities(data.Features, data.Rows)
            )
        );
        Assert.True(
            SyntheticXGBoostData.BitwiseEqual(
                expected.PredictMargins(data.Features, data.Rows),
                actual.PredictMargins(data.Features, data.Rows)
            )
        );
        Assert.True(
            SyntheticXGBoostData.BitwiseEqual(
                expected.PredictContributions(data.Features, data.Rows),
                actual.PredictContributions(data.Features, data.Rows)
            )
        );
    }
}
