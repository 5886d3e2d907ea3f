using System.Text.Json;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

/// <summary>TrackingService over the REST store: any amount becomes log-batch requests within the server's limits.</summary>
public sealed class RestLogBatchSplitTests : IDisposable
{
    private readonly RestTestServer _server = new();

    public void Dispose() => _server.Dispose();

    private static int Count(JsonElement body, string name) =>
        body.TryGetProperty(name, out var array) ? array.GetArrayLength() : 0;

    [Theory]
    [InlineData(1001, 0, 0, new[] { 1000, 1 }, "metrics")]
    [InlineData(0, 101, 0, new[] { 100, 1 }, "params")]
    [InlineData(0, 0, 101, new[] { 100, 1 }, "tags")]
    public async Task LogBatch_OneOverTheLimit_TwoRequests(
        int metrics,
        int parameters,
        int tags,
        int[] expected,
        string kind
    )
    {
        var store = new RestTrackingStore(_server.Client);
        var service = new TrackingService(
            store,
            new ManualTimeProvider(),
            new TrackingServiceOptions()
        );
        var experimentId = await store.CreateExperimentAsync($"split-{Guid.NewGuid():N}");
        var runId = (await store.CreateRunAsync(new NewRun { ExperimentId = experimentId }))
            .Info
            .RunId;

        await service.LogBatchAsync(
            runId,
            [.. Enumerable.Range(0, metrics).Select(i => new Metric("m", i, 1_700_000_000_000, i))],
            [.. Enumerable.Range(0, parameters).Select(i => new Param($"p{i}", "v"))],
            [.. Enumerable.Range(0, tags).Select(i => new RunTag($"t{i}", "v"))]
        );

        var sizes = _server
            .Server.RequestsTo("runs/log-batch")
            .Select(r => Count(JsonDocument.Parse(r.Body).RootElement, kind))
            .ToList();
        Assert.Equal(expected, sizes);
        var run = await store.GetRunAsync(runId);
        Assert.Equal(parameters, run.Data.Params.Count);
        Assert.Equal(tags, run.Data.Tags.Count(t => t.Key.StartsWith('t')));
        Assert.Equal(metrics, (await store.GetMetricHistoryAsync(runId, "m")).Count);
    }
}
