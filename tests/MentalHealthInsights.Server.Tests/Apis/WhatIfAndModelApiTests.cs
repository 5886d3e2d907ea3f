using System.Net;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Apis;

[Collection(TrainedModelGroup.Name)]
public sealed class WhatIfAndModelApiTests(TrainedModelFixture models) : ReadyServerTests(models)
{
    [Fact]
    public async Task WhatIf_SleepValues_OnePointPerValueWithChangeFromCurrent()
    {
        var json =
            "{\"record\":"
            + ServerFactory.Record()
            + ",\"feature\":\"Sleep_Hours\",\"values\":[5.5,7.5]}";

        using var response = await PostAsync("/v1/what-if", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ServerFactory.ReadJsonAsync(response);
        Assert.Equal("5.5", body.GetProperty("currentValue").GetString());
        var current = body.GetProperty("currentProbability").GetDouble();
        var points = body.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["5.5", "7.5"], points.Select(p => p.GetProperty("value").GetString()));
        // The record's own value reproduces the current probability exactly.
        Assert.Equal(current, points[0].GetProperty("probability").GetDouble(), 12);
        Assert.Equal(0, points[0].GetProperty("change").GetDouble(), 12);
        Assert.Equal(
            points[1].GetProperty("probability").GetDouble() - current,
            points[1].GetProperty("change").GetDouble(),
            12
        );
        Assert.Contains("not a causal effect", body.GetProperty("note").GetString());
    }

    [Fact]
    public async Task WhatIf_StressWithoutValues_UsesAllLevels()
    {
        var json = "{\"feature\":\"Stress_Level\",\"record\":" + ServerFactory.Record() + "}";

        using var response = await PostAsync("/v1/what-if", json);

        var body = await ServerFactory.ReadJsonAsync(response);
        Assert.Equal(
            ["Low", "Medium", "High"],
            body.GetProperty("points")
                .EnumerateArray()
                .Select(p => p.GetProperty("value").GetString())
        );
    }

    [Theory]
    [InlineData("\"Age\"", "[30]", "feature")]
    [InlineData("\"Sleep_Hours\"", "[30]", "values")]
    [InlineData("\"Sleep_Hours\"", "[\"High\"]", "values")]
    [InlineData("\"Stress_Level\"", "[\"Extreme\"]", "values")]
    [InlineData("\"Sleep_Hours\"", "[]", "values")]
    public async Task WhatIf_InvalidFeatureOrValues_Returns400(
        string feature,
        string values,
        string field
    )
    {
        var json =
            "{\"record\":"
            + ServerFactory.Record()
            + ",\"feature\":"
            + feature
            + ",\"values\":"
            + values
            + "}";

        using var response = await PostAsync("/v1/what-if", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(
            (await ServerFactory.ReadJsonAsync(response))
                .GetProperty("errors")
                .TryGetProperty(field, out _)
        );
    }

    [Fact]
    public async Task WhatIf_InvalidRecord_ErrorsArePrefixed()
    {
        var json =
            "{\"record\":" + ServerFactory.Record(("Age", "1")) + ",\"feature\":\"Sleep_Hours\"}";

        using var response = await PostAsync("/v1/what-if", json);

        Assert.True(
            (await ServerFactory.ReadJsonAsync(response))
                .GetProperty("errors")
                .TryGetProperty("record.Age", out _)
        );
    }

    [Fact]
    public async Task Model_Loaded_ReturnsMetadataWithIntervals()
    {
        using var response = await Client.GetAsync(new Uri("/v1/model", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ServerFactory.ReadJsonAsync(response);
        Assert.Equal("lr", body.GetProperty("trainer").GetString());
        Assert.Equal(9, body.GetProperty("features").GetArrayLength());
        var auc = body.GetProperty("metrics").GetProperty("roc_auc");
        Assert.True(
            auc.GetProperty("lower").GetDouble() <= auc.GetProperty("estimate").GetDouble()
        );
        Assert.True(
            auc.GetProperty("estimate").GetDouble() <= auc.GetProperty("upper").GetDouble()
        );
        Assert.Equal(64, body.GetProperty("bundleSha256").GetString()!.Length);
        Assert.Contains("not a diagnosis", body.GetProperty("disclaimer").GetString());
    }

    [Fact]
    public async Task Registry_ServingABundlePath_SaysSo()
    {
        using var response = await Client.GetAsync(new Uri("/v1/registry", UriKind.Relative));

        var body = await ServerFactory.ReadJsonAsync(response);
        Assert.Contains("not serving a registered model", body.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Health_Loaded_LiveAndReady()
    {
        using var live = await Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
