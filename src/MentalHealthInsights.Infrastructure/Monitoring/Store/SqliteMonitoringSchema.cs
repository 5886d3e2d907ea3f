namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

/// <summary>
/// The monitoring store's tables. Times are Unix milliseconds (UTC). Key metrics live in their
/// own table so trends are plain SQL; NaN metrics are not stored (absent = not measured).
/// </summary>
internal static class SqliteMonitoringSchema
{
    public const int CurrentVersion = 1;

    /// <summary>The table every SQLite monitoring store has: tells one from another SQLite file.</summary>
    public const string VersionTable = "monitoring_schema_version";

    public const string CreateV1 = """
        CREATE TABLE IF NOT EXISTS monitoring_schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            applied_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS snapshots (
            run_id TEXT NOT NULL PRIMARY KEY,
            window_start INTEGER NOT NULL,
            window_end INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            report_path TEXT,
            model TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_snapshots_window_end ON snapshots (window_end);
        CREATE TABLE IF NOT EXISTS snapshot_metrics (
            run_id TEXT NOT NULL REFERENCES snapshots (run_id),
            key TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (run_id, key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS snapshot_verdicts (
            run_id TEXT NOT NULL REFERENCES snapshots (run_id),
            subject TEXT NOT NULL,
            verdict TEXT NOT NULL,
            PRIMARY KEY (run_id, subject)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS alerts (
            alert_id TEXT NOT NULL PRIMARY KEY,
            run_id TEXT NOT NULL REFERENCES snapshots (run_id),
            rule_name TEXT NOT NULL,
            condition TEXT NOT NULL,
            metric TEXT NOT NULL,
            value REAL NOT NULL,
            threshold REAL NOT NULL,
            severity TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL,
            window_start INTEGER NOT NULL,
            window_end INTEGER NOT NULL,
            breached_since INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_alerts_window_end ON alerts (window_end);
        CREATE TABLE IF NOT EXISTS alert_deliveries (
            delivery_id INTEGER PRIMARY KEY,
            alert_id TEXT NOT NULL REFERENCES alerts (alert_id),
            channel TEXT NOT NULL,
            delivered INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            error TEXT,
            at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_alert_deliveries_alert ON alert_deliveries (alert_id);
        CREATE TABLE IF NOT EXISTS alert_rule_states (
            rule_name TEXT NOT NULL PRIMARY KEY,
            is_breached INTEGER NOT NULL,
            breached_since INTEGER,
            last_alerted_at INTEGER,
            last_window_end INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS retrainings (
            retraining_id INTEGER PRIMARY KEY,
            run_id TEXT NOT NULL,
            alert_ids TEXT NOT NULL,
            requested_at INTEGER NOT NULL,
            finished_at INTEGER NOT NULL,
            started INTEGER NOT NULL,
            training_run_id TEXT,
            registered_model TEXT,
            version INTEGER,
            promoted INTEGER NOT NULL,
            promotion_reason TEXT,
            error TEXT
        );
        """;
}
