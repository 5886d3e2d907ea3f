namespace MentalHealthInsights.Server.Tests.Fixtures;

/// <summary>
/// Tests that share one server per class, serving the logistic-regression bundle with the
/// default settings, ready before the first test: its factory, a client, and POST helpers.
/// </summary>
public abstract class ReadyServerTests(TrainedModelFixture models) : IAsyncLifetime
{
    internal ServerFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new ServerFactory(models.LrBundle);
        Client = await Factory.ReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>POSTs <paramref name="json"/>; with <paramref name="admin"/>, the admin key too.</summary>
    protected async Task<HttpResponseMessage> PostAsync(
        string path,
        string json,
        bool admin = false
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = ServerFactory.Json(json),
        };
        if (admin)
        {
            request.Headers.Add("X-Api-Key", ServerFactory.AdminKey);
        }
        return await Client.SendAsync(request);
    }
}
