using System.Net;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Apis;

/// <summary>
/// Reload through POST /v1/admin/reload: the server serves a symbolic link that the tests point
/// at another bundle or at a damaged copy.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class AdminApiTests(TrainedModelFixture models) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-reload-" + Guid.NewGuid().ToString("N")
    );
    private ServerFactory _factory = null!;
    private HttpClient _client = null!;

    private string Served => Path.Combine(_folder, "current");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        PointAt(models.LrBundle);
        _factory = new ServerFactory(Served);
        _client = await _factory.ReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private void PointAt(string bundle)
    {
        // Replaced between reloads (the reload reads it only when asked).
        if (new DirectoryInfo(Served).LinkTarget is not null)
        {
            Directory.Delete(Served);
        }
        Directory.CreateSymbolicLink(Served, bundle);
    }

    private async Task<HttpResponseMessage> ReloadAsync(string? key = ServerFactory.AdminKey)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            new Uri("/v1/admin/reload", UriKind.Relative)
        );
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return await _client.SendAsync(request);
    }

    private async Task<string> TrainerAsync()
    {
        using var response = await _client.GetAsync(new Uri("/v1/model", UriKind.Relative));
        return (await ServerFactory.ReadJsonAsync(response)).GetProperty("trainer").GetString()!;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-admin-key-012345678")]
    public async Task Reload_WithoutTheKey_Returns401(string? key)
    {
        using var response = await ReloadAsync(key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reload_SameBundle_SucceedsUnchanged()
    {
        using var response = await ReloadAsync();

        var body = await ServerFactory.ReadJsonAsync(response);
        Assert.True(body.GetProperty("succeeded").GetBoolean());
        Assert.False(body.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task Reload_NewBundle_SwapsAndDisposesTheOldOneAfterItsLastLease()
    {
        Assert.True(_factory.Slot.TryLease(out var lease));
        var old = lease.Model;
        PointAt(models.XgbBundle);

        using var response = await ReloadAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(
            (await ServerFactory.ReadJsonAsync(response)).GetProperty("changed").GetBoolean()
        );
        Assert.Equal("xgb", await TrainerAsync());
        // The lease taken before the swap still scores on the old model.
        Assert.False(old.IsDisposed);
        Assert.InRange(old.Predictor.PredictProbability(Records.Sample), 0, 1);
        lease.Dispose();
        Assert.True(old.IsDisposed);
    }

    [Fact]
    public async Task Reload_DamagedBundle_Returns422AndKeepsServingTheOldModel()
    {
        var damaged = Path.Combine(_folder, "damaged");
        Directory.CreateDirectory(damaged);
        foreach (var file in Directory.GetFiles(models.XgbBundle))
        {
            File.Copy(file, Path.Combine(damaged, Path.GetFileName(file)));
        }
        var modelFile = Path.Combine(damaged, "model.json");
        File.AppendAllText(modelFile, " ");
        PointAt(damaged);

        using var response = await ReloadAsync();
        using var prediction = await _client.PostAsync(
            new Uri("/v1/predict", UriKind.Relative),
            ServerFactory.Json(ServerFactory.Record())
        );

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(
            "still serves",
            (await ServerFactory.ReadJsonAsync(response)).GetProperty("detail").GetString()
        );
        Assert.Equal("lr", await TrainerAsync());
        Assert.Equal(HttpStatusCode.OK, prediction.StatusCode);
    }

    [Fact]
    public async Task Reload_WhileRequestsAreInFlight_EveryRequestSucceeds()
    {
        using var stop = new CancellationTokenSource();
        var load = Enumerable
            .Range(0, 4)
            .Select(async _ =>
            {
                var count = 0;
                while (!stop.IsCancellationRequested)
                {
                    using var response = await _client.PostAsync(
                        new Uri("/v1/predict", UriKind.Relative),
                        ServerFactory.Json(ServerFactory.Record())
                    );
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    count++;
                }
                return count;
            })
            .ToList();

        var swaps = 0;
        for (var i = 0; i < 6; i++)
        {
            PointAt(i % 2 == 0 ? models.XgbBundle : models.LrBundle);
            using var response = await ReloadAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            swaps += (await ServerFactory.ReadJsonAsync(response))
                .GetProperty("changed")
                .GetBoolean()
                ? 1
                : 0;
        }
        await stop.CancelAsync();
        var served = await Task.WhenAll(load);

        Assert.Equal(6, swaps);
        Assert.All(served, count => Assert.True(count > 0));
    }
}
