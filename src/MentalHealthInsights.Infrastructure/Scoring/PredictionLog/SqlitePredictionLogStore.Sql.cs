using MentalHealthInsights.Core.Scoring.PredictionLog;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

public sealed partial class SqlitePredictionLogStore
{
    // Version 1 of the table; a later change adds a migration keyed on PRAGMA user_version.
    private const string SchemaSql = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS prediction_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            timestamp_ticks INTEGER NOT NULL,
            model_name TEXT NOT NULL,
            model_version TEXT NOT NULL,
            subject_key TEXT NULL,
            request_id TEXT NOT NULL,
            source TEXT NOT NULL,
            age REAL NULL,
            gender TEXT NOT NULL,
            occupation TEXT NOT NULL,
            country TEXT NOT NULL,
            consultation_history INTEGER NULL,
            stress_level TEXT NULL,
            sleep_hours REAL NULL,
            work_hours REAL NULL,
            physical_activity_hours REAL NULL,
            probability REAL NOT NULL,
            label INTEGER NOT NULL,
            threshold REAL NOT NULL,
            outcome INTEGER NULL,
            outcome_at_ticks INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_prediction_log_time ON prediction_log (timestamp_ticks, id);
        CREATE INDEX IF NOT EXISTS ix_prediction_log_subject ON prediction_log (subject_key)
            WHERE subject_key IS NOT NULL;
        PRAGMA user_version = 1;
        """;

    private const string Columns =
        "timestamp_ticks, model_name, model_version, subject_key, request_id, source, age, gender, "
        + "occupation, country, consultation_history, stress_level, sleep_hours, work_hours, "
        + "physical_activity_hours, probability, label, threshold, outcome, outcome_at_ticks";

    private const string InsertSql =
        "INSERT INTO prediction_log ("
        + Columns
        + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
        + "?19, ?20)";

    private const string SelectSql =
        "SELECT id, "
        + Columns
        + " FROM prediction_log WHERE timestamp_ticks >= $from AND timestamp_ticks < $to "
        + "AND ($model IS NULL OR model_name = $model) ORDER BY timestamp_ticks, id";

    private static PredictionLogEntry ReadEntry(SqliteDataReader r) =>
        new()
        {
            Id = r.GetInt64(0),
            Timestamp = new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero),
            ModelName = r.GetString(2),
            ModelVersion = r.GetString(3),
            SubjectKey = r.IsDBNull(4) ? null : r.GetString(4),
            RequestId = r.GetString(5),
            Source = r.GetString(6),
            Age = Real(r, 7),
            Gender = r.GetString(8),
            Occupation = r.GetString(9),
            Country = r.GetString(10),
            ConsultationHistory = r.IsDBNull(11) ? null : r.GetInt64(11) != 0,
            StressLevel = r.IsDBNull(12) ? null : r.GetString(12),
            SleepHours = Real(r, 13),
            WorkHours = Real(r, 14),
            PhysicalActivityHours = Real(r, 15),
            Probability = r.GetDouble(16),
            Label = r.GetInt64(17) != 0,
            Threshold = r.GetDouble(18),
            Outcome = r.IsDBNull(19) ? null : r.GetInt64(19) != 0,
            OutcomeAt = r.IsDBNull(20) ? null : new DateTimeOffset(r.GetInt64(20), TimeSpan.Zero),
        };

    private static double Real(SqliteDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? double.NaN : r.GetDouble(ordinal);
}
