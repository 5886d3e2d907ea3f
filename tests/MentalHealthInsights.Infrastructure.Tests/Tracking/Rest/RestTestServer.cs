using MentalHealthInsights.Infrastructure.Http;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

/// <summary>A fake MLflow server and a client to it with tiny retry delays.</summary>
internal sealed class RestTestServer : IDisposable
{
    public RestTestServer(MlflowRestOptions? options = null, TimeProvider? clientClock = null)
    {
        Server = new FakeMlflowServer();
        var baseOptions = options ?? new MlflowRestOptions { ServerUri = Server.Uri };
        Client = new MlflowRestClient(
            baseOptions with
            {
                // Credentials in the given URI are kept, on the fake server's address.
                ServerUri = options?.ServerUri.UserInfo is { Length: > 0 } userInfo
                    ? new Uri(
                        $"{Server.Uri.Scheme}://{userInfo}@{Server.Uri.Authority}{Server.Uri.PathAndQuery}"
                    )
                    : Server.Uri,
                Retry = options?.Retry ?? FastRetry,
            },
            clientClock ?? new ManualTimeProvider()
        );
    }

    /// <summary>Millisecond backoffs so retry tests stay fast.</summary>
    public static HttpRetryOptions FastRetry { get; } =
        new()
        {
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(20),
        };

    public FakeMlflowServer Server { get; }

    public MlflowRestClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
