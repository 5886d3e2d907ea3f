using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Tests.Tracking;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;
using Microsoft.Extensions.Logging;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Alerts;

/// <summary>The alert flow end to end: a real SQLite store, the log channel and a real webhook on loopback.</summary>
public sealed class AlertServiceTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly RecordingLogger<LogAlertNotifier> _logger = new();

    public void Dispose() => _folder.Dispose();

    private SqliteMonitoringStore NewStore() =>
        new(new SqliteMonitoringStoreOptions { DatabasePath = _folder.Combine("monitoring.db") });

    private AlertService Service(
        IMonitoringStore store,
        AlertPolicy? policy = null,
        IAlertNotifier? extra = null,
        IRetrainingTrigger? retraining = null
    )
    {
        var notifiers = new List<IAlertNotifier> { new LogAlertNotifier(_logger) };
        if (extra is not null)
        {
            notifiers.Add(extra);
        }
        return new AlertService(
            policy ?? AlertPolicy.Default,
            store,
            notifiers,
            retraining,
            new ManualTimeProvider(MonitoringTestData.Start.AddDays(100))
        );
    }

    [Fact]
    public async Task ProcessAsync_DailyWindows_PagesOncePerBreachEpisodeAndRecordsEverything()
    {
        using var server = new WebhookTestServer();
        using var webhook = new WebhookAlertNotifier(
            new WebhookOptions { Url = server.Url },
            new RecordingDelayTimeProvider()
        );
        var store = NewStore();
        var service = Service(store, extra: webhook);
        // f1 drop breached on days 2-4, clear on day 5, breached again on day 6.
        double[] drops = [0.01, 0.08, 0.09, 0.07, 0.02, 0.06];

        var results = new List<AlertRunResult>();
        for (var day = 1; day <= drops.Length; day++)
        {
            results.Add(
                await service.ProcessAsync(
                    MonitoringTestData.Day(day, f1Drop: drops[day - 1]),
                    CancellationToken.None
                )
            );
        }

        Assert.Equal(
            [
                null,
                AlertStatus.Fired,
                AlertStatus.Suppressed,
                AlertStatus.Suppressed,
                null,
                AlertStatus.Fired,
            ],
            results.Select(r => r.Alerts.SingleOrDefault()?.Status)
        );
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2, _logger.Entries.Count);
        var entry = _logger.Entries.First();
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal(6001, entry.Id.Id);
        Assert.Contains(entry.State, p => p.Key == "Rule" && (string?)p.Value == "f1-drop");
        Assert.Contains(entry.State, p => p.Key == "Value" && p.Value is 0.08);
        Assert.All(results[1].Deliveries, d => Assert.True(d.Delivered));

        var stored = await store.ListAlertsAsync(new AlertQuery(), CancellationToken.None);
        Assert.Equal(
            ["run-006/f1-drop", "run-004/f1-drop", "run-003/f1-drop", "run-002/f1-drop"],
            stored.Select(a => a.AlertId)
        );
        Assert.Equal(
            MonitoringTestData.Start.AddDays(2),
            stored.Single(a => a.AlertId == "run-004/f1-drop").BreachedSince
        );
        Assert.Equal(
            6,
            (
                await store.ListSnapshotsAsync(
                    new MonitoringSnapshotQuery(),
                    CancellationToken.None
                )
            ).Count
        );
        Assert.Equal(
            ["log", "webhook"],
            (await store.ListDeliveriesAsync("run-002/f1-drop", CancellationToken.None)).Select(d =>
                d.Result.Channel
            )
        );
        Assert.Empty(await store.ListDeliveriesAsync("run-003/f1-drop", CancellationToken.None));
    }

    [Fact]
    public async Task ProcessAsync_WebhookDown_RecordsTheFailureAndKeepsTheMonitoringResult()
    {
        using var server = new WebhookTestServer(500, 500, 500);
        using var webhook = new WebhookAlertNotifier(
            new WebhookOptions { Url = server.Url, MaxAttempts = 3 },
            new RecordingDelayTimeProvider()
        );
        var store = NewStore();

        var result = await Service(store, extra: webhook)
            .ProcessAsync(
                MonitoringTestData.Day(1, f1Drop: 0.2, datasetDrift: 1),
                CancellationToken.None
            );

        Assert.Equal(["f1-drop", "dataset-drift"], result.Fired.Select(a => a.RuleName));
        Assert.Equal([true, false], result.Deliveries.Select(d => d.Delivered));
        Assert.Single(
            await store.ListSnapshotsAsync(new MonitoringSnapshotQuery(), CancellationToken.None)
        );
        var deliveries = await store.ListDeliveriesAsync(
            "run-001/dataset-drift",
            CancellationToken.None
        );
        var failed = deliveries.Single(d => d.Result.Channel == "webhook").Result;
        Assert.False(failed.Delivered);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("HTTP 500", failed.Error, StringComparison.Ordinal);
        // One message per monitoring run, holding both alerts.
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ProcessAsync_ChannelThrows_RecordsAFailedDeliveryInsteadOfFailing()
    {
        var store = NewStore();

        var result = await Service(store, extra: new ThrowingNotifier())
            .ProcessAsync(MonitoringTestData.Day(1, fairnessGap: 0.3), CancellationToken.None);

        var failed = result.Deliveries.Single(d => d.Channel == "broken");
        Assert.False(failed.Delivered);
        Assert.Equal("InvalidOperationException: channel exploded", failed.Error);
        Assert.Single(await store.ListAlertsAsync(new AlertQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task ProcessAsync_SameRunAgain_DoesNothingTheSecondTime()
    {
        using var server = new WebhookTestServer();
        using var webhook = new WebhookAlertNotifier(
            new WebhookOptions { Url = server.Url },
            new RecordingDelayTimeProvider()
        );
        var store = NewStore();
        var service = Service(store, extra: webhook);

        await service.ProcessAsync(MonitoringTestData.Day(1, f1Drop: 0.2), CancellationToken.None);
        var again = await service.ProcessAsync(
            MonitoringTestData.Day(1, f1Drop: 0.2),
            CancellationToken.None
        );

        Assert.True(again.AlreadyProcessed);
        Assert.Empty(again.Alerts);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ProcessAsync_RetrainingOn_AsksOnlyForFiredAlertsOfTheMinimumSeverity()
    {
        var store = NewStore();
        var trigger = new RecordingTrigger();
        var policy = AlertPolicy.Create(new AlertPolicyOptions { RetrainOnAlert = true });
        var service = Service(store, policy, retraining: trigger);

        var warningOnly = await service.ProcessAsync(
            MonitoringTestData.Day(1, datasetDrift: 1),
            CancellationToken.None
        );
        var critical = await service.ProcessAsync(
            MonitoringTestData.Day(2, datasetDrift: 1, f1Drop: 0.3),
            CancellationToken.None
        );
        var suppressed = await service.ProcessAsync(
            MonitoringTestData.Day(3, datasetDrift: 1, f1Drop: 0.3),
            CancellationToken.None
        );

        Assert.Null(warningOnly.Retraining);
        Assert.Null(suppressed.Retraining);
        Assert.Equal(trigger.Outcome, critical.Retraining);
        var request = Assert.Single(trigger.Requests);
        Assert.Equal("run-002", request.MonitoringRunId);
        Assert.Equal(["run-002/f1-drop"], request.Alerts.Select(a => a.AlertId));
        var recorded = Assert.Single(await store.ListRetrainingsAsync(10, CancellationToken.None));
        Assert.Equal(["run-002/f1-drop"], recorded.AlertIds);
        Assert.Equal(trigger.Outcome, recorded.Outcome);
    }

    [Fact]
    public async Task ProcessAsync_RetrainingThrows_RecordsTheFailure()
    {
        var store = NewStore();
        var policy = AlertPolicy.Create(
            new AlertPolicyOptions { RetrainOnAlert = true, RetrainMinimumSeverity = "warning" }
        );

        var result = await Service(store, policy, retraining: new RecordingTrigger { Throw = true })
            .ProcessAsync(MonitoringTestData.Day(1, datasetDrift: 1), CancellationToken.None);

        Assert.False(result.Retraining!.Started);
        Assert.Equal("IOException: disk full", result.Retraining.Error);
        Assert.Equal(
            "IOException: disk full",
            Assert.Single(await store.ListRetrainingsAsync(5, CancellationToken.None)).Outcome.Error
        );
    }

    [Fact]
    public async Task ProcessAsync_TwoMonitorsSameWindowAtOnce_FireTheBreachOnlyOnce()
    {
        // Two processes' worth of stores on one file; the read-decide-write is one transaction.
        var services = Enumerable.Range(0, 8).Select(_ => Service(NewStore())).ToList();

        var results = await Task.WhenAll(
            services.Select(
                (service, i) =>
                    Task.Run(() =>
                        service.ProcessAsync(
                            MonitoringTestData.Day(1, f1Drop: 0.2, runId: $"monitor-{i}"),
                            CancellationToken.None
                        )
                    )
            )
        );

        Assert.Single(results.SelectMany(r => r.Fired));
        Assert.Equal(
            7,
            results.SelectMany(r => r.Alerts).Count(a => a.Status == AlertStatus.Suppressed)
        );
    }

    private sealed class ThrowingNotifier : IAlertNotifier
    {
        public string Channel => "broken";

        public Task<AlertDeliveryResult> NotifyAsync(
            AlertNotification notification,
            CancellationToken cancellationToken
        ) => throw new InvalidOperationException("channel exploded");
    }

    private sealed class RecordingTrigger : IRetrainingTrigger
    {
        public List<RetrainingRequest> Requests { get; } = [];

        public bool Throw { get; init; }

        public RetrainingOutcome Outcome { get; } =
            new(true, "run-x", "mental-health-classifier", 2, false, "Not promotable: worse", null);

        public Task<RetrainingOutcome> TriggerAsync(
            RetrainingRequest request,
            CancellationToken cancellationToken
        )
        {
            Requests.Add(request);
            return Throw ? throw new IOException("disk full") : Task.FromResult(Outcome);
        }
    }
}
