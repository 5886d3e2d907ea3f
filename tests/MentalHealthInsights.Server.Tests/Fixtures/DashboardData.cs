using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Server.Tests.Fixtures;

/// <summary>
/// Fills real monitoring and pipeline run stores (SQLite files) through their own APIs, with
/// known values the dashboard tests assert on: three daily monitoring windows (the third
/// drifted, with an estimated F1), two alerts, and two pipeline runs (one failed after a retry).
/// </summary>
internal static class DashboardData
{
    public static readonly DateTimeOffset Day0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Id of the failed pipeline run (created second, so listed first).</summary>
    public const string FailedRunId = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    /// <summary>Id of the completed pipeline run.</summary>
    public const string CompletedRunId = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    public static async Task FillMonitoringAsync(string path)
    {
        var store = new SqliteMonitoringStore(new() { DatabasePath = path });
        for (var day = 1; day <= 3; day++)
        {
            var drifted = day == 3;
            await store.SaveSnapshotAsync(
                new MonitoringSnapshot(
                    "mon-" + day.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Day0.AddDays(day - 1),
                    Day0.AddDays(day),
                    Day0.AddDays(day).AddMinutes(5),
                    new Dictionary<string, double>
                    {
                        [AlertMetricNames.DriftShare] = drifted ? 0.6 : 0.1 * day,
                        [AlertMetricNames.DatasetDrift] = drifted ? 1 : 0,
                        [AlertMetricNames.F1] = 0.80 - 0.05 * day,
                        [AlertMetricNames.F1Reference] = 0.80,
                        [AlertMetricNames.F1IsEstimated] = drifted ? 1 : 0,
                        [AlertMetricNames.FairnessGap] = 0.02 * day,
                        [AlertMetricNames.RowsCurrent] = 100 * day,
                    },
                    new Dictionary<string, string> { ["Sleep_Hours"] = drifted ? "drift" : "ok" },
                    "/reports/monitor-day"
                        + day.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        + ".html",
                    "mental-health-classifier/3"
                ),
                CancellationToken.None
            );
        }
        var end = Day0.AddDays(3);
        await store.RecordEvaluationAsync(
            _ => new AlertEvaluationBatch(
                [
                    Alert(
                        "dataset-drift",
                        "dataset_drift",
                        1,
                        1,
                        AlertSeverity.Warning,
                        AlertStatus.Fired,
                        end.AddDays(-1)
                    ),
                    Alert(
                        "f1-drop",
                        "f1_drop",
                        0.15,
                        0.1,
                        AlertSeverity.Critical,
                        AlertStatus.Suppressed,
                        end
                    ),
                ],
                []
            ),
            CancellationToken.None
        );
    }

    private static AlertRecord Alert(
        string rule,
        string metric,
        double value,
        double threshold,
        AlertSeverity severity,
        AlertStatus status,
        DateTimeOffset windowEnd
    ) =>
        new(
            "mon-3/" + rule,
            "mon-3",
            rule,
            metric + " > " + threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
            metric,
            value,
            threshold,
            severity,
            status,
            status == AlertStatus.Fired ? "new breach" : "already alerted in this episode",
            windowEnd.AddDays(-1),
            windowEnd,
            windowEnd,
            windowEnd.AddMinutes(6)
        );

    public static async Task FillPipelinesAsync(string path)
    {
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + path,
            CancellationToken.None
        );
        await AddRunAsync(store, CompletedRunId, Day0, PipelineTrigger.Schedule, failed: false);
        await AddRunAsync(
            store,
            FailedRunId,
            Day0.AddHours(1),
            PipelineTrigger.Alert,
            failed: true
        );
    }

    private static async Task AddRunAsync(
        SqlPipelineRunStore store,
        string id,
        DateTimeOffset created,
        PipelineTrigger trigger,
        bool failed
    )
    {
        var run = new PipelineRunRecord(
            id,
            "retrain",
            new Dictionary<string, string> { ["data"] = "data/train.csv" },
            trigger,
            PipelineRunState.Pending,
            "test-host/1",
            created,
            null,
            null,
            created,
            null,
            false
        );
        string[] names = ["ingest", "train", "register"];
        var steps = names
            .Select(
                (name, i) =>
                    new StepRunRecord(
                        id,
                        i,
                        name,
                        StepRunState.Pending,
                        0,
                        null,
                        null,
                        null,
                        null,
                        new Dictionary<string, string>(),
                        [],
                        null
                    )
            )
            .ToList();
        await store.CreateRunAsync(run, steps, CancellationToken.None);
        var started = created.AddSeconds(1);
        await store.SaveStepAsync(
            steps[0] with
            {
                State = StepRunState.Cached,
                StartedAt = started,
                EndedAt = started,
                Message = "cached: unchanged inputs",
            },
            CancellationToken.None
        );
        await store.SaveStepAsync(
            steps[1] with
            {
                State = failed ? StepRunState.Failed : StepRunState.Completed,
                Attempts = failed ? 2 : 1,
                StartedAt = started,
                EndedAt = started.AddMinutes(2),
                Error = failed ? "training data has 0 rows" : null,
                Links = failed ? [] : [new PipelineLink("tracking-run", "run-123")],
            },
            CancellationToken.None
        );
        await store.SaveStepAsync(
            steps[2] with
            {
                State = failed ? StepRunState.Skipped : StepRunState.Completed,
                Attempts = failed ? 0 : 1,
            },
            CancellationToken.None
        );
        await store.UpdateRunAsync(
            run with
            {
                State = failed ? PipelineRunState.Failed : PipelineRunState.Completed,
                StartedAt = started,
                EndedAt = started.AddMinutes(3),
                Error = failed ? "step train failed" : null,
            },
            CancellationToken.None
        );
    }
}
