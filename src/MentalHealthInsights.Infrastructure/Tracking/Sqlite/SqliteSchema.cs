namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>
/// The tracking and registry tables (one database). Versioned by <c>schema_version</c>: a new
/// version adds a migration step here; a database newer than <see cref="CurrentVersion"/> is
/// refused rather than misread.
/// </summary>
internal static class SqliteSchema
{
    public const int CurrentVersion = 1;

    // Metric history is keyed (run, key, step, timestamp, value): the primary key is the history
    // order, and an identical point logged twice is stored once (as MLflow's SQL store). NaN is
    // stored as value 0 with is_nan = 1 because SQLite turns NaN into NULL.
    public const string CreateV1 = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            applied_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS experiments (
            experiment_id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            artifact_location TEXT NOT NULL,
            lifecycle_stage TEXT NOT NULL DEFAULT 'active',
            creation_time INTEGER NOT NULL,
            last_update_time INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS experiment_tags (
            experiment_id INTEGER NOT NULL REFERENCES experiments (experiment_id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (experiment_id, key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT NOT NULL PRIMARY KEY,
            experiment_id INTEGER NOT NULL REFERENCES experiments (experiment_id),
            run_name TEXT NOT NULL,
            user_id TEXT NOT NULL,
            status TEXT NOT NULL,
            start_time INTEGER NOT NULL,
            end_time INTEGER,
            artifact_uri TEXT NOT NULL,
            lifecycle_stage TEXT NOT NULL DEFAULT 'active',
            deleted_time INTEGER
        );
        CREATE INDEX IF NOT EXISTS ix_runs_experiment ON runs (experiment_id, start_time);
        CREATE TABLE IF NOT EXISTS params (
            run_id TEXT NOT NULL REFERENCES runs (run_id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (run_id, key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tags (
            run_id TEXT NOT NULL REFERENCES runs (run_id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (run_id, key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS metrics (
            run_id TEXT NOT NULL REFERENCES runs (run_id),
            key TEXT NOT NULL,
            value REAL NOT NULL,
            is_nan INTEGER NOT NULL,
            timestamp INTEGER NOT NULL,
            step INTEGER NOT NULL,
            PRIMARY KEY (run_id, key, step, timestamp, value, is_nan)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS latest_metrics (
            run_id TEXT NOT NULL REFERENCES runs (run_id),
            key TEXT NOT NULL,
            value REAL NOT NULL,
            is_nan INTEGER NOT NULL,
            timestamp INTEGER NOT NULL,
            step INTEGER NOT NULL,
            PRIMARY KEY (run_id, key)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_latest_metrics_key ON latest_metrics (key, value);
        CREATE TABLE IF NOT EXISTS registered_models (
            name TEXT NOT NULL PRIMARY KEY,
            creation_time INTEGER NOT NULL,
            last_updated_time INTEGER NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            last_version INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS registered_model_tags (
            name TEXT NOT NULL REFERENCES registered_models (name),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (name, key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS model_versions (
            name TEXT NOT NULL REFERENCES registered_models (name),
            version INTEGER NOT NULL,
            creation_time INTEGER NOT NULL,
            last_updated_time INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL,
            run_id TEXT,
            run_link TEXT,
            status TEXT NOT NULL,
            status_message TEXT,
            PRIMARY KEY (name, version)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_model_versions_run ON model_versions (run_id);
        CREATE TABLE IF NOT EXISTS model_version_tags (
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (name, version, key),
            FOREIGN KEY (name, version) REFERENCES model_versions (name, version)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS registered_model_aliases (
            name TEXT NOT NULL,
            alias TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (name, alias),
            FOREIGN KEY (name, version) REFERENCES model_versions (name, version)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS alias_history (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            alias TEXT NOT NULL,
            from_version INTEGER,
            to_version INTEGER,
            changed_by TEXT NOT NULL,
            changed_at INTEGER NOT NULL,
            reason TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_alias_history_name ON alias_history (name, alias, sequence);
        """;
}
