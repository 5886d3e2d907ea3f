using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Tests.Tracking;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Alerts;

public sealed class AlertServiceFactoryTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Create_WebhookConfigured_DeliversOnLogAndWebhook()
    {
        using var server = new WebhookTestServer();
        var settings = AlertSettingsLoader.Parse(
            $$"""{ "Webhook": { "Url": "{{server.Url}}" } }""",
            _folder.Path
        );
        var store = new SqliteMonitoringStore(
            new SqliteMonitoringStoreOptions { DatabasePath = _folder.Combine("m.db") }
        );
        using var factory = new AlertServiceFactory(
            settings,
            store,
            NullLoggerFactory.Instance,
            TimeProvider.System
        );

        var result = await factory.Service.ProcessAsync(
            MonitoringTestData.Day(1, fairnessGap: 0.4),
            CancellationToken.None
        );

        Assert.Equal(["log", "webhook"], factory.Channels);
        Assert.Equal(["log", "webhook"], result.Deliveries.Select(d => d.Channel));
        Assert.All(result.Deliveries, d => Assert.True(d.Delivered));
        Assert.Single(server.Requests);
    }

    [Fact]
    public void Create_Defaults_LogOnly()
    {
        var store = new SqliteMonitoringStore(
            new SqliteMonitoringStoreOptions { DatabasePath = _folder.Combine("m.db") }
        );

        using var factory = new AlertServiceFactory(
            AlertSettings.Default,
            store,
            NullLoggerFactory.Instance,
            TimeProvider.System
        );

        Assert.Equal(["log"], factory.Channels);
    }
}
