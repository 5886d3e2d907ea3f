using System.Net;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Apis;

/// <summary>Serving models:/mental-health-classifier@champion from a real SQLite registry.</summary>
[Collection(TrainedModelGroup.Name)]
public sealed class RegistryServingTests(TrainedModelFixture models)
{
    [Fact]
    public async Task Serve_ChampionReference_LoadsRegisteredVersionAndShowsRegistry()
    {
        await using var factory = new ServerFactory(
            "models:/mental-health-classifier@champion",
            models.TrackingUri
        );
        using var client = await factory.ReadyClientAsync();

        using var model = await client.GetAsync(new Uri("/v1/model", UriKind.Relative));
        using var registry = await client.GetAsync(new Uri("/v1/registry", UriKind.Relative));
        using var prediction = await client.PostAsync(
            new Uri("/v1/predict", UriKind.Relative),
            ServerFactory.Json(ServerFactory.Record())
        );

        var m = await ServerFactory.ReadJsonAsync(model);
        Assert.Equal("mental-health-classifier", m.GetProperty("name").GetString());
        Assert.Equal("1", m.GetProperty("version").GetString());
        Assert.Equal("champion", m.GetProperty("alias").GetString());
        Assert.Equal(models.ChampionTrainer, m.GetProperty("trainer").GetString());
        var r = await ServerFactory.ReadJsonAsync(registry);
        Assert.Equal(1, r.GetProperty("champion").GetProperty("version").GetInt32());
        Assert.True(
            r.GetProperty("champion").GetProperty("testMetrics").TryGetProperty("roc_auc", out _)
        );
        Assert.Contains(
            r.GetProperty("history").EnumerateArray(),
            h =>
                h.GetProperty("alias").GetString() == "champion"
                && h.GetProperty("toVersion").GetInt32() == 1
        );
        Assert.Equal(HttpStatusCode.OK, prediction.StatusCode);
        Assert.Equal(
            "1",
            (await ServerFactory.ReadJsonAsync(prediction))
                .GetProperty("model")
                .GetProperty("version")
                .GetString()
        );
    }

    [Fact]
    public async Task Registry_ChampionTrainedWithTracking_RankedKeyIndicatorsFromTrainingJson()
    {
        await using var factory = new ServerFactory(
            "models:/mental-health-classifier@champion",
            models.TrackingUri
        );
        using var client = await factory.ReadyClientAsync();

        using var registry = await client.GetAsync(new Uri("/v1/registry", UriKind.Relative));

        var champion = (await ServerFactory.ReadJsonAsync(registry)).GetProperty("champion");
        var indicators = champion.GetProperty("keyIndicators").EnumerateArray().ToList();
        Assert.Equal(9, indicators.Count);
        Assert.Equal(
            Enumerable.Range(1, 9),
            indicators.Select(k => k.GetProperty("rank").GetInt32())
        );
        Assert.Contains(indicators, k => k.GetProperty("column").GetString() == "Stress_Level");
        var importances = indicators
            .Select(k => k.GetProperty("importance"))
            .Where(v => v.ValueKind == System.Text.Json.JsonValueKind.Number)
            .Select(v => v.GetDouble())
            .ToList();
        Assert.NotEmpty(importances);
        Assert.Equal(importances.OrderByDescending(v => v), importances);
        Assert.All(
            indicators,
            k =>
                Assert.Contains(
                    k.GetProperty("direction").GetString(),
                    (string[])["HigherRisk", "LowerRisk", "None"]
                )
        );
        Assert.Contains(
            indicators,
            k =>
                k.GetProperty("directionText")
                    .GetString()!
                    .Contains("risk", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Serve_UnknownAlias_NotReadyAndPredictReturns503()
    {
        await using var factory = new ServerFactory(
            "models:/mental-health-classifier@nothing",
            models.TrackingUri
        );
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var prediction = await client.PostAsync(
            new Uri("/v1/predict", UriKind.Relative),
            ServerFactory.Json(ServerFactory.Record())
        );

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, prediction.StatusCode);
        Assert.True(prediction.Headers.Contains("Retry-After"));
    }
}
