using System.Net;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Apis;

[Collection(TrainedModelGroup.Name)]
public sealed class LimitsAndMetricsTests(TrainedModelFixture models)
{
    [Fact]
    public async Task Predict_OverTheRateLimit_Returns429WithRetryAfter()
    {
        await using var factory = new ServerFactory(
            models.LrBundle,
            settings: new()
            {
                ["RateLimiting:PermitLimit"] = "3",
                ["RateLimiting:Window"] = "00:01:00",
            }
        );
        using var client = await factory.ReadyClientAsync();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.PostAsync(
                new Uri("/v1/predict", UriKind.Relative),
                ServerFactory.Json(ServerFactory.Record())
            );
            statuses.Add(last.StatusCode);
        }
        using var health = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(
            [
                HttpStatusCode.OK,
                HttpStatusCode.OK,
                HttpStatusCode.OK,
                HttpStatusCode.TooManyRequests,
            ],
            statuses
        );
        var retryAfter = int.Parse(
            last!.Headers.GetValues("Retry-After").Single(),
            System.Globalization.CultureInfo.InvariantCulture
        );
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        last.Dispose();
    }

    [Fact]
    public async Task PredictBatch_MoreThanTheMaximum_Returns400()
    {
        await using var factory = new ServerFactory(
            models.LrBundle,
            settings: new() { ["Serving:MaxBatchRecords"] = "2" }
        );
        using var client = await factory.ReadyClientAsync();
        var record = ServerFactory.Record();

        using var ok = await client.PostAsync(
            new Uri("/v1/predict/batch", UriKind.Relative),
            ServerFactory.Json("{\"records\":[" + record + "," + record + "]}")
        );
        using var tooMany = await client.PostAsync(
            new Uri("/v1/predict/batch", UriKind.Relative),
            ServerFactory.Json("{\"records\":[" + record + "," + record + "," + record + "]}")
        );

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains(
            "At most 2",
            (await ServerFactory.ReadJsonAsync(tooMany)).GetProperty("detail").GetString()
        );
    }

    [Fact]
    public async Task Metrics_AfterPredictions_ExposesCountsHistogramsAndModelInfo()
    {
        await using var factory = new ServerFactory(models.XgbBundle);
        using var client = await factory.ReadyClientAsync();
        for (var i = 0; i < 3; i++)
        {
            using var r = await client.PostAsync(
                new Uri("/v1/predict", UriKind.Relative),
                ServerFactory.Json(ServerFactory.Record())
            );
        }
        using var bad = await client.PostAsync(
            new Uri("/v1/predict", UriKind.Relative),
            ServerFactory.Json(ServerFactory.Record(("Age", "1")))
        );

        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var predictions = text.Split('\n')
            .Where(l => l.StartsWith("mhi_predictions_total{", StringComparison.Ordinal))
            .Sum(l =>
                double.Parse(
                    l[(l.LastIndexOf(' ') + 1)..],
                    System.Globalization.CultureInfo.InvariantCulture
                )
            );
        Assert.Equal(3, predictions);
        Assert.Contains("mhi_prediction_probability_count 3", text, StringComparison.Ordinal);
        Assert.Contains("mhi_invalid_records_total 1", text, StringComparison.Ordinal);
        Assert.Contains("mhi_model_info{name=\"", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("v1/predict\"", text, StringComparison.Ordinal);
        Assert.Contains("mhi_prediction_log_dropped_total", text, StringComparison.Ordinal);
    }
}
