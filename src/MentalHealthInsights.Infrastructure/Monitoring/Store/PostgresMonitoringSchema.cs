namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

/// <summary>
/// The PostgreSQL monitoring store's tables: the SQLite tables (<see cref="SqliteMonitoringSchema"/>)
/// prefixed with <c>mhi_monitoring_</c> (the database may be shared with the prediction log,
/// pipeline runs and Quartz), with native booleans, doubles and a text array for alert ids.
/// Times are Unix milliseconds (UTC), as in SQLite.
/// </summary>
internal static class PostgresMonitoringSchema
{
    public const int CurrentVersion = 1;

    /// <summary>Serialises schema creation and every de-duplication decision across processes.</summary>
    public const long SchemaLock = 7207320403;

    /// <summary>Taken (transaction-scoped) by RecordEvaluationAsync: one read-decide-write at a time.</summary>
    public const long EvaluationLock = 7207320404;

    public const string CreateV1 = """
        CREATE TABLE IF NOT EXISTS mhi_monitoring_schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            applied_at BIGINT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS mhi_monitoring_snapshots (
            run_id TEXT NOT NULL PRIMARY KEY,
            window_start BIGINT NOT NULL,
            window_end BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            report_path TEXT,
            model TEXT
        );
        CREATE INDEX IF NOT EXISTS mhi_monitoring_snapshots_window_end ON mhi_monitoring_snapshots (window_end);
        CREATE TABLE IF NOT EXISTS mhi_monitoring_snapshot_metrics (
            run_id TEXT NOT NULL REFERENCES mhi_monitoring_snapshots (run_id),
            key TEXT NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (run_id, key)
        );
        CREATE TABLE IF NOT EXISTS mhi_monitoring_snapshot_verdicts (
            run_id TEXT NOT NULL REFERENCES mhi_monitoring_snapshots (run_id),
            subject TEXT NOT NULL,
            verdict TEXT NOT NULL,
            PRIMARY KEY (run_id, subject)
        );
        CREATE TABLE IF NOT EXISTS mhi_monitoring_alerts (
            alert_id TEXT NOT NULL PRIMARY KEY,
            run_id TEXT NOT NULL REFERENCES mhi_monitoring_snapshots (run_id),
            rule_name TEXT NOT NULL,
            condition TEXT NOT NULL,
            metric TEXT NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            threshold DOUBLE PRECISION NOT NULL,
            severity TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL,
            window_start BIGINT NOT NULL,
            window_end BIGINT NOT NULL,
            breached_since BIGINT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS mhi_monitoring_alerts_window_end ON mhi_monitoring_alerts (window_end);
        CREATE TABLE IF NOT EXISTS mhi_monitoring_alert_deliveries (
            delivery_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            alert_id TEXT NOT NULL REFERENCES mhi_monitoring_alerts (alert_id),
            channel TEXT NOT NULL,
            delivered BOOLEAN NOT NULL,
            attempts INTEGER NOT NULL,
            error TEXT,
            at BIGINT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS mhi_monitoring_alert_deliveries_alert ON mhi_monitoring_alert_deliveries (alert_id);
        CREATE TABLE IF NOT EXISTS mhi_monitoring_alert_rule_states (
            rule_name TEXT NOT NULL PRIMARY KEY,
            is_breached BOOLEAN NOT NULL,
            breached_since BIGINT,
            last_alerted_at BIGINT,
            last_window_end BIGINT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS mhi_monitoring_retrainings (
            retraining_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            run_id TEXT NOT NULL,
            alert_ids TEXT[] NOT NULL,
            requested_at BIGINT NOT NULL,
            finished_at BIGINT NOT NULL,
            started BOOLEAN NOT NULL,
            training_run_id TEXT,
            registered_model TEXT,
            version INTEGER,
            promoted BOOLEAN NOT NULL,
            promotion_reason TEXT,
            error TEXT
        );
        """;
}
