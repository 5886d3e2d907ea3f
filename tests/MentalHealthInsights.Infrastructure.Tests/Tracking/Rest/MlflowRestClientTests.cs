using System.Text;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

public sealed class MlflowRestClientTests
{
    private static async Task<string?> AuthorizationSentAsync(MlflowRestOptions options)
    {
        using var server = new RestTestServer(options);
        await new RestTrackingStore(server.Client).GetExperimentByNameAsync("anything");
        return Assert.Single(server.Server.Requests).Authorization;
    }

    private static MlflowRestOptions Options(string? token, string? user, string? password) =>
        new()
        {
            ServerUri = new Uri("http://placeholder"),
            Token = token,
            BasicAuthUser = user,
            BasicAuthPassword = password,
        };

    [Fact]
    public async Task Send_Token_BearerHeader() =>
        Assert.Equal(
            "Bearer s3cret-token",
            await AuthorizationSentAsync(Options("s3cret-token", null, null))
        );

    [Fact]
    public async Task Send_UserAndPassword_BasicHeader() =>
        Assert.Equal(
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pa:ss")),
            await AuthorizationSentAsync(Options(null, "alice", "pa:ss"))
        );

    [Fact]
    public async Task Send_TokenAndUser_TokenWins() =>
        Assert.Equal("Bearer t", await AuthorizationSentAsync(Options("t", "alice", "pw")));

    /// <summary>
    /// Credentials in the URI are sent as basic auth (they were ignored by HttpClient) and kept
    /// out of the URI the client prints: a tester saw "The MLflow server at
    /// http://user:secret@… could not be reached".
    /// </summary>
    [Theory]
    [InlineData("http://alice:pa%3Ass@placeholder/", null, null, "alice:pa:ss")]
    [InlineData("http://alice@placeholder/", null, null, "alice:")]
    [InlineData("http://alice:url@placeholder/", "bob", "env", "bob:env")]
    public async Task Send_CredentialsInTheUri_BasicAuthAndNotInTheServerUri(
        string uri,
        string? user,
        string? password,
        string expected
    )
    {
        var options = Options(null, user, password) with { ServerUri = new Uri(uri) };
        using var client = new MlflowRestClient(options, TimeProvider.System);

        Assert.Equal("http://placeholder/", client.ServerUri.AbsoluteUri);
        Assert.Equal(
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(expected)),
            await AuthorizationSentAsync(options)
        );
    }

    [Fact]
    public async Task Send_NoCredentials_NoAuthorizationHeader() =>
        Assert.Null(await AuthorizationSentAsync(Options(null, null, null)));

    [Fact]
    public async Task Get_UnknownEndpointHtml404_NotImplementedWithHint()
    {
        using var server = new RestTestServer();

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            server.Client.GetAsync("no/such/endpoint", [], CancellationToken.None)
        );

        Assert.Equal(TrackingErrorCode.NotImplemented, error.ErrorCode);
        Assert.Contains("MLflow tracking server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ErrorJson_MessageCarriesCodeStatusAndServerText()
    {
        using var server = new RestTestServer();
        var store = new RestTrackingStore(server.Client);

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            store.GetRunAsync("0123456789abcdef0123456789abcdef")
        );

        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, error.ErrorCode);
        Assert.Contains(
            "RESOURCE_DOES_NOT_EXIST (HTTP 404)",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "0123456789abcdef0123456789abcdef",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Constructor_NonHttpUri_ArgumentException() =>
        Assert.Throws<ArgumentException>(() =>
            new MlflowRestClient(
                new MlflowRestOptions { ServerUri = new Uri("file:///tmp/mlruns") },
                new ManualTimeProvider()
            )
        );
}
