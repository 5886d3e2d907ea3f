using System.Net;
using MentalHealthInsights.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// A request that fails inside the server (here: a prediction log whose label attachment
    /// throws) is counted in /metrics under the status it was answered with — the metrics
    /// middleware used to sit inside the exception handler and count it as 200 — and the 500
    /// still carries its request id, which the exception handler used to clear.
    /// </summary>
    [Fact]
    public async Task Metrics_AnInternalError_IsCountedAs500AndKeepsTheRequestId()
    {
        await using var factory = new ServerFactory(models.LrBundle);
        await using var failing = factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services =>
                services.AddSingleton<MentalHealthInsights.Core.Scoring.PredictionLog.IPredictionLogStore>(
                    new PredictionLogging.RecordingPredictionLogStore()
                )
            )
        );
        using var client = failing.CreateClient();
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            new Uri("/v1/labels", UriKind.Relative)
        )
        {
            Content = ServerFactory.Json("{\"labels\":[{\"User_ID\":\"u-1\",\"outcome\":true}]}"),
        };
        request.Headers.Add("X-Api-Key", ServerFactory.AdminKey);

        using var response = await client.SendAsync(request);
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.NotEmpty(response.Headers.GetValues("X-Request-Id").Single());
        var requestCounts = text.Split('\n')
            .Where(l => l.StartsWith("http_requests_received_total{", StringComparison.Ordinal))
            .ToList();
        // The endpoint label of a failed request is empty (the exception handler clears the
        // endpoint; docs/serving.md): what matters is that it is counted as a 500.
        Assert.Contains(
            requestCounts,
            l => l.Contains("code=\"500\",method=\"POST\"", StringComparison.Ordinal)
        );
        Assert.DoesNotContain(
            requestCounts,
            l =>
                l.Contains("endpoint=\"v1/labels\"", StringComparison.Ordinal)
                && l.Contains("code=\"200\"", StringComparison.Ordinal)
        );
    }

    /// <summary>
    /// A made-up method gets 501 and one count — not a new series per method name, which let any
    /// client grow /metrics without bound.
    /// </summary>
    [Fact]
    public async Task Metrics_MadeUpMethods_Get501AndAddNoSeries()
    {
        await using var factory = new ServerFactory(models.LrBundle);
        using var client = await factory.ReadyClientAsync();
        var before = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var statuses = new List<HttpStatusCode>();
        foreach (var method in new[] { "MADEUP1", "MADEUP2", "MADEUP3" })
        {
            using var request = new HttpRequestMessage(
                new HttpMethod(method),
                new Uri("/", UriKind.Relative)
            );
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        var after = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotImplemented, s));
        Assert.DoesNotContain("MADEUP", after, StringComparison.Ordinal);
        Assert.DoesNotContain("mhi_http_unknown_method_total 3", before, StringComparison.Ordinal);
        Assert.Contains("mhi_http_unknown_method_total 3", after, StringComparison.Ordinal);
    }
}
