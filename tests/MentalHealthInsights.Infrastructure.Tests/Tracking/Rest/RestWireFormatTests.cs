using System.Text.Json;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

/// <summary>What the adapter puts on the wire, checked on the requests the fake server recorded.</summary>
public sealed class RestWireFormatTests : IDisposable
{
    private readonly RestTestServer _server = new();

    public void Dispose() => _server.Dispose();

    private async Task<string> NewRunAsync()
    {
        var tracking = new RestTrackingStore(_server.Client);
        var experimentId = await tracking.CreateExperimentAsync($"wire-{Guid.NewGuid():N}");
        return (await tracking.CreateRunAsync(new NewRun { ExperimentId = experimentId }))
            .Info
            .RunId;
    }

    private async Task<string> NewModelWithVersionAsync(RestModelRegistry registry)
    {
        var name = $"model-{Guid.NewGuid():N}";
        await registry.CreateRegisteredModelAsync(name);
        await registry.CreateModelVersionAsync(
            new NewModelVersion { Name = name, Source = "mlflow-artifacts:/1/r/artifacts/model" }
        );
        return name;
    }

    [Fact]
    public async Task LogBatch_NaNMetricOnly_SendsNaNAsStringAndOmitsEmptyLists()
    {
        var runId = await NewRunAsync();

        await new RestTrackingStore(_server.Client).LogBatchAsync(
            runId,
            metrics: [new Metric("loss", double.NaN, 1_700_000_000_000, 3)]
        );

        var request = _server.Server.RequestsTo("runs/log-batch").Single();
        using var body = JsonDocument.Parse(request.Body);
        var metric = body.RootElement.GetProperty("metrics")[0];
        Assert.Equal(JsonValueKind.String, metric.GetProperty("value").ValueKind);
        Assert.Equal("NaN", metric.GetProperty("value").GetString());
        Assert.Equal(1_700_000_000_000, metric.GetProperty("timestamp").GetInt64());
        Assert.False(body.RootElement.TryGetProperty("params", out _));
        Assert.False(body.RootElement.TryGetProperty("tags", out _));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAlias_SendsDeleteWithJsonBodyAndNoQueryString()
    {
        var registry = new RestModelRegistry(_server.Client);
        var name = await NewModelWithVersionAsync(registry);
        await registry.SetRegisteredModelAliasAsync(name, "champion", 1);

        await registry.DeleteRegisteredModelAliasAsync(name, "champion");

        var request = _server.Server.Requests.Single(r => r.Method == "DELETE");
        Assert.EndsWith("registered-models/alias", request.Path, StringComparison.Ordinal);
        Assert.Equal("", request.Query);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(name, body.RootElement.GetProperty("name").GetString());
        Assert.Equal("champion", body.RootElement.GetProperty("alias").GetString());
    }

    [Fact]
    public async Task GetByAlias_ServerAnswers400ForMissingAlias_ResourceDoesNotExist()
    {
        var registry = new RestModelRegistry(_server.Client);
        var name = await NewModelWithVersionAsync(registry);
        using var raw = new HttpClient();
        using var direct = await raw.GetAsync(
            new Uri(
                _server.Server.Uri,
                $"api/2.0/mlflow/registered-models/alias?name={name}&alias=champion"
            )
        );

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            registry.GetModelVersionByAliasAsync(name, "champion")
        );

        Assert.Equal(400, (int)direct.StatusCode);
        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, error.ErrorCode);
        Assert.Contains("champion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAlias_WritesHistoryAsHiddenModelTag()
    {
        var registry = new RestModelRegistry(_server.Client);
        var name = await NewModelWithVersionAsync(registry);

        await registry.SetRegisteredModelAliasAsync(
            name,
            "champion",
            1,
            new AliasChangeNote("alice", "first")
        );

        var tagRequest = _server.Server.RequestsTo("registered-models/set-tag").Single();
        using var body = JsonDocument.Parse(tagRequest.Body);
        Assert.Equal("mhi.alias_history.00000001", body.RootElement.GetProperty("key").GetString());
        using var entry = JsonDocument.Parse(body.RootElement.GetProperty("value").GetString()!);
        Assert.Equal("alice", entry.RootElement.GetProperty("changed_by").GetString());
        Assert.Equal(1, entry.RootElement.GetProperty("to_version").GetInt32());
        Assert.Empty((await registry.GetRegisteredModelAsync(name)).Tags);
    }

    [Fact]
    public async Task CreateRun_NoStartTime_SendsTheClientClock()
    {
        var tracking = new RestTrackingStore(_server.Client);
        var experimentId = await tracking.CreateExperimentAsync($"wire-{Guid.NewGuid():N}");

        var run = await tracking.CreateRunAsync(new NewRun { ExperimentId = experimentId });

        Assert.Equal(
            new ManualTimeProvider().GetUtcNow().ToUnixTimeMilliseconds(),
            run.Info.StartTimeMs
        );
    }
}
