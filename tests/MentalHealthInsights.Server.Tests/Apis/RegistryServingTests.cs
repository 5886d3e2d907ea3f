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
    public async Task Registry_ChampionTrainedWithTracking_ListsItsTrainingPlotsAsServedSvgs()
    {
        await using var factory = new ServerFactory(
            "models:/mental-health-classifier@champion",
            models.TrackingUri
        );
        using var client = await factory.ReadyClientAsync();

        using var registry = await client.GetAsync(new Uri("/v1/registry", UriKind.Relative));

        var champion = (await ServerFactory.ReadJsonAsync(registry)).GetProperty("champion");
        var trainer = models.ChampionTrainer;
        var other = trainer == "lr" ? "xgb" : "lr";
        var plots = champion.GetProperty("plots").EnumerateArray().ToList();
        var names = plots.Select(p => p.GetProperty("name").GetString()).ToList();
        // The training's curves, then the champion's own charts; never the other model's.
        Assert.Equal(
            (string[])
                [
                    "roc-curves",
                    "precision-recall-curves",
                    "calibration",
                    "importance-" + trainer,
                    trainer == "lr" ? "odds-ratios-lr" : "shap-xgb",
                ],
            names
        );
        Assert.DoesNotContain("importance-" + other, names);
        foreach (var plot in plots)
        {
            var url = plot.GetProperty("url").GetString()!;
            Assert.Equal($"/v1/registry/versions/1/plots/{plot.GetProperty("name")}.svg", url);
            Assert.False(string.IsNullOrWhiteSpace(plot.GetProperty("title").GetString()));
            using var svg = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
            Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
            Assert.Contains(
                "<svg",
                await svg.Content.ReadAsStringAsync(),
                StringComparison.Ordinal
            );
            Assert.Equal("nosniff", svg.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains(
                "sandbox",
                svg.Headers.GetValues("Content-Security-Policy").Single(),
                StringComparison.Ordinal
            );
        }
        using var head = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Head, plots[0].GetProperty("url").GetString())
        );
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/v1/registry/versions/1/plots/importance-OTHER.svg", "no training plot")]
    [InlineData("/v1/registry/versions/1/plots/roc-curves.png", "served as SVG")]
    [InlineData("/v1/registry/versions/1/plots/..%2Ftraining.json", "served as SVG")]
    [InlineData(
        "/v1/registry/versions/1/plots/..%2F..%2Freport%2Ftraining.svg",
        "no training plot"
    )]
    [InlineData("/v1/registry/versions/1/plots/.svg", "no training plot")]
    [InlineData("/v1/registry/versions/99/plots/roc-curves.svg", "does not exist")]
    public async Task TrainingPlot_AnyOtherName_404ProblemSayingWhy(string path, string reason)
    {
        await using var factory = new ServerFactory(
            "models:/mental-health-classifier@champion",
            models.TrackingUri
        );
        using var client = await factory.ReadyClientAsync();
        // The other model of the same training run has its importance chart stored beside the
        // champion's: it is not the champion's plot, so it is not served for version 1.
        path = path.Replace(
            "OTHER",
            models.ChampionTrainer == "lr" ? "xgb" : "lr",
            StringComparison.Ordinal
        );

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(
            reason,
            (await ServerFactory.ReadJsonAsync(response)).GetProperty("detail").GetString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task TrainingPlot_ServingABundlePath_404NotARegisteredModel()
    {
        await using var factory = new ServerFactory(models.LrBundle, models.TrackingUri);
        using var client = await factory.ReadyClientAsync();

        using var response = await client.GetAsync(
            new Uri("/v1/registry/versions/1/plots/roc-curves.svg", UriKind.Relative)
        );

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(
            "not serving a registered model",
            (await ServerFactory.ReadJsonAsync(response)).GetProperty("detail").GetString(),
            StringComparison.Ordinal
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
