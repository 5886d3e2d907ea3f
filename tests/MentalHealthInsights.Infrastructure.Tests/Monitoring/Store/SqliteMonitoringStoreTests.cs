using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Tests.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Store;

public sealed class SqliteMonitoringStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private SqliteMonitoringStore NewStore() =>
        new(
            new SqliteMonitoringStoreOptions
            {
                DatabasePath = _folder.Combine("sub", "monitoring.db"),
            }
        );

    [Fact]
    public async Task SaveSnapshotAsync_ThenList_RoundTripsEverythingButNaNAndKeepsWindowOrder()
    {
        var store = NewStore();
        var day2 = MonitoringTestData.Day(2, f1Drop: 0.07);
        var day1 = MonitoringTestData.Day(1);

        Assert.True(await store.SaveSnapshotAsync(day2, CancellationToken.None));
        Assert.True(await store.SaveSnapshotAsync(day1, CancellationToken.None));
        var listed = await store.ListSnapshotsAsync(
            new MonitoringSnapshotQuery(),
            CancellationToken.None
        );

        Assert.Equal(["run-001", "run-002"], listed.Select(s => s.RunId));
        var back = listed[1];
        Assert.Equal(day2.WindowStart, back.WindowStart);
        Assert.Equal(day2.WindowEnd, back.WindowEnd);
        Assert.Equal(day2.CreatedAt, back.CreatedAt);
        Assert.Equal(day2.ReportPath, back.ReportPath);
        Assert.Equal(day2.Model, back.Model);
        Assert.Equal(day2.Verdicts, back.Verdicts);
        Assert.Equal(
            day2.KeyMetrics.Where(m => !double.IsNaN(m.Value))
                .OrderBy(m => m.Key, StringComparer.Ordinal),
            back.KeyMetrics.OrderBy(m => m.Key, StringComparer.Ordinal)
        );
        Assert.False(back.KeyMetrics.ContainsKey("target_drift"));
        Assert.True(File.Exists(_folder.Combine("sub", "monitoring.db")));
    }

    [Fact]
    public async Task SaveSnapshotAsync_SameRunTwice_StoresItOnceAndSaysSo()
    {
        var store = NewStore();

        Assert.True(
            await store.SaveSnapshotAsync(MonitoringTestData.Day(1), CancellationToken.None)
        );
        Assert.False(
            await store.SaveSnapshotAsync(
                MonitoringTestData.Day(1, f1Drop: 0.5),
                CancellationToken.None
            )
        );

        var listed = await store.ListSnapshotsAsync(
            new MonitoringSnapshotQuery(),
            CancellationToken.None
        );
        Assert.Equal(0.0, Assert.Single(listed).KeyMetrics["f1_drop"]);
    }

    [Fact]
    public async Task ListSnapshotsAsync_RangeAndLimit_KeepsTheNewestInTheRangeOldestFirst()
    {
        var store = NewStore();
        for (var day = 1; day <= 10; day++)
        {
            await store.SaveSnapshotAsync(MonitoringTestData.Day(day), CancellationToken.None);
        }

        var listed = await store.ListSnapshotsAsync(
            new MonitoringSnapshotQuery
            {
                From = MonitoringTestData.Start.AddDays(3),
                To = MonitoringTestData.Start.AddDays(9),
                Limit = 4,
            },
            CancellationToken.None
        );

        Assert.Equal(["run-005", "run-006", "run-007", "run-008"], listed.Select(s => s.RunId));
    }

    [Fact]
    public async Task RecordEvaluationAsync_AlertsStatesAndDeliveries_AreReadBackAndFilterable()
    {
        var store = NewStore();
        var snapshot = MonitoringTestData.Day(1, f1Drop: 0.09);
        await store.SaveSnapshotAsync(snapshot, CancellationToken.None);
        var fired = Alert(snapshot, "f1-drop", AlertStatus.Fired, AlertSeverity.Critical);
        var suppressed = Alert(
            snapshot,
            "dataset-drift",
            AlertStatus.Suppressed,
            AlertSeverity.Warning
        );
        var state = new AlertRuleState(
            "f1-drop",
            true,
            snapshot.WindowEnd,
            snapshot.WindowEnd,
            snapshot.WindowEnd
        );

        IReadOnlyDictionary<string, AlertRuleState>? seen = null;
        await store.RecordEvaluationAsync(
            states =>
            {
                seen = states;
                return new AlertEvaluationBatch([fired, suppressed], [state]);
            },
            CancellationToken.None
        );
        await store.RecordDeliveriesAsync(
            [
                new AlertDelivery(
                    fired.AlertId,
                    new AlertDeliveryResult("log", true, 1, null),
                    snapshot.CreatedAt
                ),
                new AlertDelivery(
                    fired.AlertId,
                    new AlertDeliveryResult("webhook", false, 5, "HTTP 503"),
                    snapshot.CreatedAt
                ),
            ],
            CancellationToken.None
        );

        Assert.Empty(seen!);
        Assert.Equal(state, (await store.GetRuleStatesAsync(CancellationToken.None))["f1-drop"]);
        var all = await store.ListAlertsAsync(new AlertQuery(), CancellationToken.None);
        Assert.Equal(2, all.Count);
        Assert.Equal(fired, all.Single(a => a.RuleName == "f1-drop"));
        Assert.Equal(suppressed, all.Single(a => a.RuleName == "dataset-drift"));
        Assert.Equal(
            [fired],
            await store.ListAlertsAsync(
                new AlertQuery { Status = AlertStatus.Fired },
                CancellationToken.None
            )
        );
        Assert.Equal(
            [suppressed],
            await store.ListAlertsAsync(
                new AlertQuery { RuleName = "dataset-drift" },
                CancellationToken.None
            )
        );
        Assert.Empty(
            await store.ListAlertsAsync(
                new AlertQuery { From = snapshot.WindowEnd.AddSeconds(1) },
                CancellationToken.None
            )
        );
        var deliveries = await store.ListDeliveriesAsync(fired.AlertId, CancellationToken.None);
        Assert.Equal(["log", "webhook"], deliveries.Select(d => d.Result.Channel));
        Assert.Equal(
            new AlertDeliveryResult("webhook", false, 5, "HTTP 503"),
            deliveries[1].Result
        );
    }

    [Fact]
    public async Task RecordEvaluationAsync_DecisionThrows_WritesNothing()
    {
        var store = NewStore();
        var snapshot = MonitoringTestData.Day(1);
        await store.SaveSnapshotAsync(snapshot, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.RecordEvaluationAsync(
                _ => throw new InvalidOperationException("boom"),
                CancellationToken.None
            )
        );

        Assert.Empty(await store.ListAlertsAsync(new AlertQuery(), CancellationToken.None));
        Assert.Empty(await store.GetRuleStatesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RecordRetrainingAsync_ThenList_RoundTrips()
    {
        var store = NewStore();
        var record = new RetrainingRecord(
            "run-001",
            ["run-001/f1-drop", "run-001/fairness-gap"],
            MonitoringTestData.Start,
            MonitoringTestData.Start.AddMinutes(3),
            new RetrainingOutcome(
                true,
                "abc",
                "mental-health-classifier",
                4,
                false,
                "Not promotable: worse",
                null
            )
        );

        await store.RecordRetrainingAsync(record, CancellationToken.None);
        var listed = Assert.Single(await store.ListRetrainingsAsync(10, CancellationToken.None));

        Assert.Equal(record.AlertIds, listed.AlertIds);
        Assert.Equal(record.Outcome, listed.Outcome);
        Assert.Equal(record.RequestedAt, listed.RequestedAt);
        Assert.Equal(record.FinishedAt, listed.FinishedAt);
    }

    [Fact]
    public async Task Store_NotADatabase_FailsWithAnIOExceptionNamingTheFile()
    {
        var path = _folder.Combine("junk.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));
        var store = new SqliteMonitoringStore(
            new SqliteMonitoringStoreOptions { DatabasePath = path }
        );

        var error = await Assert.ThrowsAsync<IOException>(() =>
            store.SaveSnapshotAsync(MonitoringTestData.Day(1), CancellationToken.None)
        );

        Assert.Contains("junk.db", error.Message, StringComparison.Ordinal);
    }

    private static AlertRecord Alert(
        MonitoringSnapshot snapshot,
        string rule,
        AlertStatus status,
        AlertSeverity severity
    ) =>
        new(
            $"{snapshot.RunId}/{rule}",
            snapshot.RunId,
            rule,
            "f1_drop > 0.05",
            "f1_drop",
            0.09,
            0.05,
            severity,
            status,
            "new breach",
            snapshot.WindowStart,
            snapshot.WindowEnd,
            snapshot.WindowEnd,
            snapshot.CreatedAt
        );
}
