using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Store;

/// <summary>
/// The contract of <see cref="IMonitoringStore"/>, run against every adapter (SQLite file, real
/// PostgreSQL server): each derived class only says how to open a fresh store and a second
/// handle on the same store (another monitoring process).
/// </summary>
public abstract class MonitoringStoreContract
{
    /// <summary>A fresh, empty store; its location is remembered for <see cref="OpenSameStore"/>.</summary>
    protected abstract Task<IMonitoringStore> CreateStoreAsync();

    /// <summary>A second, independent store instance on the store <see cref="CreateStoreAsync"/> last made.</summary>
    protected abstract IMonitoringStore OpenSameStore();

    [Fact]
    public async Task SaveSnapshotAsync_ThenList_RoundTripsEverythingButNaNAndKeepsWindowOrder()
    {
        var store = await CreateStoreAsync();
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
    }

    [Fact]
    public async Task SaveSnapshotAsync_SameRunTwice_StoresItOnceAndSaysSo()
    {
        var store = await CreateStoreAsync();

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
        var store = await CreateStoreAsync();
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
        var store = await CreateStoreAsync();
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
        var store = await CreateStoreAsync();
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
        var store = await CreateStoreAsync();
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
    public async Task EmptyStore_ListsNothing()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(
            await store.ListSnapshotsAsync(new MonitoringSnapshotQuery(), CancellationToken.None)
        );
        Assert.Empty(await store.ListAlertsAsync(new AlertQuery(), CancellationToken.None));
        Assert.Empty(await store.GetRuleStatesAsync(CancellationToken.None));
        Assert.Empty(await store.ListDeliveriesAsync("none", CancellationToken.None));
        Assert.Empty(await store.ListRetrainingsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task SaveSnapshotAsync_NoMetricsNoVerdictsNoReport_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var bare = new MonitoringSnapshot(
            "bare",
            MonitoringTestData.Start,
            MonitoringTestData.Start.AddDays(1),
            MonitoringTestData.Start.AddDays(1),
            new Dictionary<string, double>(),
            new Dictionary<string, string>(),
            null,
            null
        );

        Assert.True(await store.SaveSnapshotAsync(bare, CancellationToken.None));
        var back = Assert.Single(
            await store.ListSnapshotsAsync(new MonitoringSnapshotQuery(), CancellationToken.None)
        );

        Assert.Empty(back.KeyMetrics);
        Assert.Empty(back.Verdicts);
        Assert.Null(back.ReportPath);
        Assert.Null(back.Model);
    }

    [Fact]
    public async Task RecordEvaluationAsync_LaterEvaluation_SeesAndUpdatesTheStates()
    {
        var store = await CreateStoreAsync();
        var day1 = MonitoringTestData.Day(1, f1Drop: 0.09);
        var day2 = MonitoringTestData.Day(2);
        await store.SaveSnapshotAsync(day1, CancellationToken.None);
        await store.SaveSnapshotAsync(day2, CancellationToken.None);
        var breached = new AlertRuleState(
            "f1-drop",
            true,
            day1.WindowEnd,
            day1.WindowEnd,
            day1.WindowEnd
        );
        var cleared = new AlertRuleState("f1-drop", false, null, day1.WindowEnd, day2.WindowEnd);
        await store.RecordEvaluationAsync(
            _ => new AlertEvaluationBatch(
                [Alert(day1, "f1-drop", AlertStatus.Fired, AlertSeverity.Critical)],
                [breached]
            ),
            CancellationToken.None
        );

        IReadOnlyDictionary<string, AlertRuleState>? seen = null;
        await store.RecordEvaluationAsync(
            states =>
            {
                seen = states;
                return new AlertEvaluationBatch([], [cleared]);
            },
            CancellationToken.None
        );

        Assert.Equal(breached, seen!["f1-drop"]);
        Assert.Equal(cleared, (await store.GetRuleStatesAsync(CancellationToken.None))["f1-drop"]);
        Assert.Single(await store.ListAlertsAsync(new AlertQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task RecordEvaluationAsync_TwoMonitorsAtOnce_TheSameBreachFiresOnce()
    {
        // Two monitoring processes (two store instances) evaluate the same rule concurrently,
        // many times: the read-decide-write is atomic, so exactly one of them ever fires.
        var first = await CreateStoreAsync();
        var second = OpenSameStore();
        const int rounds = 15;
        for (var day = 1; day <= 2 * rounds; day++)
        {
            await first.SaveSnapshotAsync(MonitoringTestData.Day(day), CancellationToken.None);
        }

        async Task<int> EvaluateAsync(IMonitoringStore store, int parity)
        {
            var fired = 0;
            for (var round = 0; round < rounds; round++)
            {
                var snapshot = MonitoringTestData.Day(2 * round + parity + 1);
                var alerts = await store.RecordEvaluationAsync(
                    states =>
                        states.ContainsKey("gap")
                            ? new AlertEvaluationBatch([], [])
                            : new AlertEvaluationBatch(
                                [Alert(snapshot, "gap", AlertStatus.Fired, AlertSeverity.Warning)],
                                [
                                    new AlertRuleState(
                                        "gap",
                                        true,
                                        snapshot.WindowEnd,
                                        snapshot.WindowEnd,
                                        snapshot.WindowEnd
                                    ),
                                ]
                            ),
                    CancellationToken.None
                );
                fired += alerts.Count;
            }
            return fired;
        }

        var counts = await Task.WhenAll(EvaluateAsync(first, 0), EvaluateAsync(second, 1));

        Assert.Equal(1, counts.Sum());
        Assert.Single(await second.ListAlertsAsync(new AlertQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task SaveSnapshotAsync_TwoMonitorsSaveTheSameRunAtOnce_ExactlyOneStoresIt()
    {
        var first = await CreateStoreAsync();
        var second = OpenSameStore();
        var results = new List<Task<bool>>();
        for (var day = 1; day <= 10; day++)
        {
            results.Add(
                first.SaveSnapshotAsync(MonitoringTestData.Day(day), CancellationToken.None)
            );
            results.Add(
                second.SaveSnapshotAsync(MonitoringTestData.Day(day), CancellationToken.None)
            );
        }

        var saved = await Task.WhenAll(results);

        Assert.Equal(10, saved.Count(s => s));
        Assert.Equal(
            10,
            (
                await first.ListSnapshotsAsync(
                    new MonitoringSnapshotQuery(),
                    CancellationToken.None
                )
            ).Count
        );
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
