using System.Globalization;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Pipelines.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>
/// <c>alert</c>: stores the monitoring snapshot (the monitor step's <c>snapshot.json</c>, built
/// by <see cref="Infrastructure.Monitoring.MonitoringJob.CreateSnapshot"/> as for <c>mhi monitor</c>)
/// and evaluates the alert policy
/// (<c>alerts-config</c>, else the default policy) through <see cref="AlertService"/> on the
/// SQLite monitoring store: de-duplication, the webhook when configured, and retraining through
/// the promotion gate when the configuration enables it. Outputs the fired alerts' rule names.
/// Idempotent per monitoring run.
/// </summary>
/// <param name="time">The clock.</param>
internal sealed class AlertStep(TimeProvider time) : PipelineStep
{
    public override string Name => "alert";

    public override IReadOnlyList<string> Inputs =>
        ["monitoring_snapshot", "alerts-config", "monitoring-db", "out"];

    public override IReadOnlyList<string> Outputs =>
        ["alerts_fired", "fired_rules", "alerts_suppressed", "retraining"];

    public override async Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        var settings = MonitoringPipeline.AlertsConfig.Read(context);
        var database = context.Input("monitoring-db");
        IMonitoringStore store;
        try
        {
            store = MonitoringStoreFactory.Create(
                database.Length > 0
                    ? database
                    : Path.Combine(
                        StepParameters.FullPath(context, "out"),
                        SqliteMonitoringStoreOptions.DefaultFileName
                    )
            );
        }
        catch (ArgumentException ex)
        {
            throw PipelineStepException.From(ex);
        }
        using var factory = new AlertServiceFactory(
            settings,
            store,
            NullLoggerFactory.Instance,
            time
        );
        var result = await factory.Service.ProcessAsync(
            MonitoringSnapshotFile.Read(context.Input("monitoring_snapshot")),
            cancellationToken
        );
        var fired = result.Fired.Select(a => a.RuleName).ToList();
        var suppressed = result.Alerts.Count - fired.Count;
        var retraining = result.Retraining is null ? "not requested" : Describe(result.Retraining);
        var c = CultureInfo.InvariantCulture;
        return new StepOutcome(
            StepParameters.Values(
                ("alerts_fired", fired.Count.ToString(c)),
                ("fired_rules", string.Join(",", fired)),
                ("alerts_suppressed", suppressed.ToString(c)),
                ("retraining", retraining)
            ),
            [],
            result.AlreadyProcessed ? "this monitoring run was already processed"
                : fired.Count == 0 ? string.Create(c, $"no alert fired ({suppressed} suppressed)")
                : string.Create(
                    c,
                    $"{fired.Count} alert(s) fired: {string.Join(", ", fired)}; retraining: {retraining}"
                )
        );
    }

    private static string Describe(RetrainingOutcome outcome) =>
        outcome.Error is { } error ? "failed: " + error
        : !outcome.Started ? "not started"
        : outcome.Version is { } version
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"registered {outcome.RegisteredModel} v{version}, {(outcome.Promoted ? "promoted" : "not promoted")}"
            )
        // A queued retraining says which pipeline run will train.
        : outcome.PromotionReason ?? "started";
}
