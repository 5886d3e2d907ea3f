using System.Text.Json;
using MentalHealthInsights.Server.Apis;

namespace MentalHealthInsights.Server.Tests.Apis;

/// <summary>Reading the key indicators out of a training.json document.</summary>
public sealed class KeyIndicatorReaderTests
{
    [Fact]
    public void Parse_TrainingJson_RankedPerModelWithNaNAsNull()
    {
        using var document = JsonDocument.Parse(
            """
            {"formatVersion":1,"report":{"models":[
              {"name":"xgb","keyIndicators":[
                {"rank":2,"column":"Age","importance":"NaN","importanceStandardDeviation":0,"direction":"None","directionText":"Age: no consistent direction"},
                {"rank":1,"column":"Stress_Level","importance":0.125,"importanceStandardDeviation":0.01,"direction":"HigherRisk","directionText":"higher Stress_Level → higher risk"}]},
              {"name":"lr"}]}}
            """
        );

        var byModel = KeyIndicatorReader.Parse(document.RootElement);

        var xgb = byModel["xgb"];
        Assert.Equal(["Stress_Level", "Age"], xgb.Select(k => k.Column));
        Assert.Equal(0.125, xgb[0].Importance);
        Assert.Equal("HigherRisk", xgb[0].Direction);
        Assert.Equal("higher Stress_Level → higher risk", xgb[0].DirectionText);
        Assert.Null(xgb[1].Importance);
        Assert.False(byModel.ContainsKey("lr"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"report":{"models":{}}}""")]
    [InlineData("""{"report":{}}""")]
    public void Parse_NoModels_Empty(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Empty(KeyIndicatorReader.Parse(document.RootElement));
    }
}
