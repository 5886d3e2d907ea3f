using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Artifacts.Rest;
using MentalHealthInsights.Infrastructure.Http;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

public sealed class HttpRetryHandlerTests
{
    private static string Unique() => $"exp-{Guid.NewGuid():N}";

    [Fact]
    public async Task Send_ServiceUnavailableTwice_SucceedsOnTheThirdAttempt()
    {
        using var server = new RestTestServer();
        server.Server.Fail(503, "TEMPORARILY_UNAVAILABLE", times: 2);
        var store = new RestTrackingStore(server.Client);

        var id = await store.CreateExperimentAsync(Unique());

        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(3, server.Server.RequestsTo("experiments/create").Count);
    }

    [Fact]
    public async Task Send_TooManyRequestsWithRetryAfter_WaitsTheServersDelay()
    {
        var clock = new RecordingDelayTimeProvider();
        using var server = new RestTestServer(
            new MlflowRestOptions
            {
                ServerUri = new Uri("http://placeholder"),
                Retry = new HttpRetryOptions
                {
                    BaseDelay = TimeSpan.FromMilliseconds(1),
                    MaxDelay = TimeSpan.FromMinutes(1),
                },
            },
            clock
        );
        server.Server.Fail(429, "REQUEST_LIMIT_EXCEEDED", retryAfterSeconds: 7);
        var store = new RestTrackingStore(server.Client);

        await store.CreateExperimentAsync(Unique());

        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Delays);
        Assert.Equal(2, server.Server.RequestsTo("experiments/create").Count);
    }

    [Fact]
    public async Task Send_RetryAfterAboveMaxDelay_WaitsMaxDelay()
    {
        var clock = new RecordingDelayTimeProvider();
        using var server = new RestTestServer(
            new MlflowRestOptions
            {
                ServerUri = new Uri("http://placeholder"),
                Retry = new HttpRetryOptions { MaxDelay = TimeSpan.FromSeconds(2) },
            },
            clock
        );
        server.Server.Fail(429, "REQUEST_LIMIT_EXCEEDED", retryAfterSeconds: 3600);

        await new RestTrackingStore(server.Client).CreateExperimentAsync(Unique());

        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Delays);
    }

    [Theory]
    [InlineData(400, "INVALID_PARAMETER_VALUE", TrackingErrorCode.InvalidParameterValue)]
    [InlineData(404, "RESOURCE_DOES_NOT_EXIST", TrackingErrorCode.ResourceDoesNotExist)]
    [InlineData(401, "UNAUTHENTICATED", TrackingErrorCode.Unauthenticated)]
    [InlineData(403, "PERMISSION_DENIED", TrackingErrorCode.PermissionDenied)]
    public async Task Send_ClientError_NotRetriedAndMapped(
        int status,
        string code,
        TrackingErrorCode expected
    )
    {
        using var server = new RestTestServer();
        server.Server.Fail(status, code);

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            new RestTrackingStore(server.Client).CreateExperimentAsync(Unique())
        );

        Assert.Equal(expected, error.ErrorCode);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.Single(server.Server.RequestsTo("experiments/create"));
    }

    [Fact]
    public async Task Send_UnavailableEveryTime_GivesUpAfterMaxAttempts()
    {
        using var server = new RestTestServer(
            new MlflowRestOptions
            {
                ServerUri = new Uri("http://placeholder"),
                Retry = RestTestServer.FastRetry with { MaxAttempts = 3 },
            }
        );
        server.Server.Fail(503, "TEMPORARILY_UNAVAILABLE", times: 5);

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            new RestTrackingStore(server.Client).CreateExperimentAsync(Unique())
        );

        Assert.Equal(TrackingErrorCode.TemporarilyUnavailable, error.ErrorCode);
        Assert.Equal(3, server.Server.RequestsTo("experiments/create").Count);
    }

    [Fact]
    public async Task Send_RepeatedServerErrors_BackoffDoublesWithJitterInItsBand()
    {
        var clock = new RecordingDelayTimeProvider();
        using var server = new RestTestServer(
            new MlflowRestOptions
            {
                ServerUri = new Uri("http://placeholder"),
                Retry = new HttpRetryOptions
                {
                    BaseDelay = TimeSpan.FromMilliseconds(100),
                    MaxDelay = TimeSpan.FromSeconds(10),
                },
            },
            clock
        );
        server.Server.Fail(500, "INTERNAL_ERROR", times: 3);

        await new RestTrackingStore(server.Client).CreateExperimentAsync(Unique());

        // Attempt n waits between half and all of 100 ms × 2^(n−1) ("equal jitter").
        var delays = clock.Delays.Select(d => d.TotalMilliseconds).ToList();
        Assert.Equal(3, delays.Count);
        Assert.InRange(delays[0], 50, 100);
        Assert.InRange(delays[1], 100, 200);
        Assert.InRange(delays[2], 200, 400);
    }

    [Fact]
    public async Task Send_ServerDown_TemporarilyUnavailableNamingTheServer()
    {
        Uri address;
        using (var gone = new FakeMlflowServer())
        {
            address = gone.Uri;
        }
        using var client = new MlflowRestClient(
            new MlflowRestOptions
            {
                ServerUri = address,
                Retry = RestTestServer.FastRetry with { MaxAttempts = 2 },
            },
            new ManualTimeProvider()
        );

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            new RestTrackingStore(client).GetRunAsync("0123456789abcdef0123456789abcdef")
        );

        Assert.Equal(TrackingErrorCode.TemporarilyUnavailable, error.ErrorCode);
        Assert.Contains(address.Authority, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AttemptTimesOut_RetriedAndSucceeds()
    {
        using var server = new RestTestServer(
            new MlflowRestOptions
            {
                ServerUri = new Uri("http://placeholder"),
                Retry = RestTestServer.FastRetry with
                {
                    // Long enough that a loaded CI machine answers the retry within it (at
                    // 200 ms a slow second attempt once timed out too: three requests).
                    AttemptTimeout = TimeSpan.FromSeconds(2),
                },
            }
        );
        var store = new RestTrackingStore(server.Client);
        var id = await store.CreateExperimentAsync(Unique());
        server.Server.Hang(TimeSpan.FromSeconds(60));

        var experiment = await store.GetExperimentAsync(id);

        Assert.Equal(id, experiment.ExperimentId);
        Assert.Equal(2, server.Server.RequestsTo("experiments/get").Count);
    }

    [Fact]
    public async Task LogArtifact_UploadFailsOnceWith503_FileBodyResentWhole()
    {
        using var server = new RestTestServer();
        using var local = new TempDirectory();
        var tracking = new RestTrackingStore(server.Client);
        var experimentId = await tracking.CreateExperimentAsync(Unique());
        var run = await tracking.CreateRunAsync(new NewRun { ExperimentId = experimentId });
        var content = new byte[100_000];
        new Random(3).NextBytes(content);
        var file = local.Combine("model.bin");
        await File.WriteAllBytesAsync(file, content);
        server.Server.Fail(503, "TEMPORARILY_UNAVAILABLE");

        await new RestArtifactStore(server.Client).LogArtifactAsync(
            run.Info.ArtifactUri,
            file,
            "model"
        );

        var puts = server.Server.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(2, puts.Count);
        Assert.Equal(content, puts[1].Body);
        Assert.Equal(content, Assert.Single(server.Server.ArtifactFiles.Values));
    }
}
