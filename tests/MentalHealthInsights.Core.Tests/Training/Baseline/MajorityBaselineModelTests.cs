using System.Text;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Baseline;

namespace MentalHealthInsights.Core.Tests.Training.Baseline;

public class MajorityBaselineModelTests
{
    [Fact]
    public void SaveLoad_RoundTrip_GivesSamePredictionsAndIdenticalBytes()
    {
        using var model = new MajorityBaselineModel(positives: 37, rows: 100, columns: 4);
        using var first = new MemoryStream();
        model.Save(first);

        first.Position = 0;
        using var loaded = MajorityBaselineModel.Load(first);
        using var second = new MemoryStream();
        loaded.Save(second);

        Assert.Equal(0.37, loaded.Predict([0f, 0f, 0f, 0f]));
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal("baseline-json", loaded.Format);
        Assert.Contains("\"format\": \"baseline-json\"", Encoding.UTF8.GetString(first.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotBaselineJson_ThrowsInvalidData()
    {
        using var wrongFormat = new MemoryStream("{\"format\":\"xgboost-json\"}"u8.ToArray());
        using var notJson = new MemoryStream("PK\u0003\u0004"u8.ToArray());
        using var badCounts = new MemoryStream(
            "{\"format\":\"baseline-json\",\"positives\":5,\"rows\":2,\"columns\":1}"u8.ToArray()
        );

        Assert.Throws<InvalidDataException>(() => MajorityBaselineModel.Load(wrongFormat));
        Assert.Throws<InvalidDataException>(() => MajorityBaselineModel.Load(notJson));
        Assert.Throws<InvalidDataException>(() => MajorityBaselineModel.Load(badCounts));
    }

    [Fact]
    public void Explain_OneClassTraining_BiasIsFiniteAndPositive()
    {
        using var model = new MajorityBaselineModel(positives: 5, rows: 5, columns: 2);

        var explanation = model.Explain([0f, 0f]);

        Assert.True(double.IsFinite(explanation.Bias));
        Assert.True(explanation.Bias > 10);
        Assert.Equal(1.0, model.Predict([0f, 0f]));
    }

    [Fact]
    public void Predict_WrongColumnCount_Throws()
    {
        using var model = new MajorityBaselineModel(positives: 1, rows: 2, columns: 3);
        var data = new FeatureMatrix([1f, 2f], [true], ["a", "b"]);

        Assert.Throws<ArgumentException>(() => model.Predict([1f, 2f]));
        Assert.Throws<ArgumentException>(() => model.Predict(data, new double[1]));
    }
}
