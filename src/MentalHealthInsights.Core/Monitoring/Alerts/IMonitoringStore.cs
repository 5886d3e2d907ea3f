namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// Monitoring history: one snapshot per monitoring run, the alerts, their deliveries, the
/// de-duplication state and retraining requests. Adapters: SQLite (default).
/// </summary>
public interface IMonitoringStore
{
    /// <summary>
    /// Stores a snapshot. Returns false, storing nothing, when a snapshot with the same run id
    /// exists already (processing a run twice must not page twice).
    /// </summary>
    Task<bool> SaveSnapshotAsync(MonitoringSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Snapshots by window end, oldest first (see <see cref="MonitoringSnapshotQuery"/>).</summary>
    Task<IReadOnlyList<MonitoringSnapshot>> ListSnapshotsAsync(
        MonitoringSnapshotQuery query,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Reads every rule's state, lets <paramref name="decide"/> compute the alerts and new states,
    /// and writes them, all in one write transaction: two monitors finishing at once cannot both
    /// fire the same breach. Returns the alerts written.
    /// </summary>
    Task<IReadOnlyList<AlertRecord>> RecordEvaluationAsync(
        Func<IReadOnlyDictionary<string, AlertRuleState>, AlertEvaluationBatch> decide,
        CancellationToken cancellationToken
    );

    /// <summary>The rules' de-duplication states by rule name.</summary>
    Task<IReadOnlyDictionary<string, AlertRuleState>> GetRuleStatesAsync(
        CancellationToken cancellationToken
    );

    /// <summary>Records how delivering alerts went (one row per alert and channel).</summary>
    Task RecordDeliveriesAsync(
        IReadOnlyList<AlertDelivery> deliveries,
        CancellationToken cancellationToken
    );

    /// <summary>Alerts, newest window first (see <see cref="AlertQuery"/>).</summary>
    Task<IReadOnlyList<AlertRecord>> ListAlertsAsync(
        AlertQuery query,
        CancellationToken cancellationToken
    );

    /// <summary>The deliveries of one alert, in the order they were recorded.</summary>
    Task<IReadOnlyList<AlertDelivery>> ListDeliveriesAsync(
        string alertId,
        CancellationToken cancellationToken
    );

    /// <summary>Records a retraining request and what came of it.</summary>
    Task RecordRetrainingAsync(RetrainingRecord record, CancellationToken cancellationToken);

    /// <summary>Retraining requests, newest first (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<RetrainingRecord>> ListRetrainingsAsync(
        int limit,
        CancellationToken cancellationToken
    );
}
