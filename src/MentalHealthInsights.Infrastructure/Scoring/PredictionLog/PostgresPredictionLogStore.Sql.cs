using MentalHealthInsights.Core.Scoring.PredictionLog;
using Npgsql;
using NpgsqlTypes;

namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

public sealed partial class PostgresPredictionLogStore
{
    // Version 1 of the table: the SQLite columns with native booleans and doubles. Prefixed
    // with mhi_ because the database may be shared (pipeline runs, monitoring, Quartz).
    private const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS mhi_prediction_log (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            timestamp_ticks BIGINT NOT NULL,
            model_name TEXT NOT NULL,
            model_version TEXT NOT NULL,
            subject_key TEXT NULL,
            request_id TEXT NOT NULL,
            source TEXT NOT NULL,
            age DOUBLE PRECISION NULL,
            gender TEXT NOT NULL,
            occupation TEXT NOT NULL,
            country TEXT NOT NULL,
            consultation_history BOOLEAN NULL,
            stress_level TEXT NULL,
            sleep_hours DOUBLE PRECISION NULL,
            work_hours DOUBLE PRECISION NULL,
            physical_activity_hours DOUBLE PRECISION NULL,
            probability DOUBLE PRECISION NOT NULL,
            label BOOLEAN NOT NULL,
            threshold DOUBLE PRECISION NOT NULL,
            outcome BOOLEAN NULL,
            outcome_at_ticks BIGINT NULL
        );
        CREATE INDEX IF NOT EXISTS mhi_prediction_log_time ON mhi_prediction_log (timestamp_ticks, id);
        -- Label attachment only looks for unlabelled predictions: the index shrinks as labels arrive.
        CREATE INDEX IF NOT EXISTS mhi_prediction_log_unlabelled ON mhi_prediction_log (subject_key)
            WHERE subject_key IS NOT NULL AND outcome IS NULL;
        """;

    private const string Columns =
        "timestamp_ticks, model_name, model_version, subject_key, request_id, source, age, gender, "
        + "occupation, country, consultation_history, stress_level, sleep_hours, work_hours, "
        + "physical_activity_hours, probability, label, threshold, outcome, outcome_at_ticks";

    private const string CopySql =
        "COPY mhi_prediction_log (" + Columns + ") FROM STDIN (FORMAT BINARY)";

    private const string SelectSql =
        "SELECT id, "
        + Columns
        + " FROM mhi_prediction_log WHERE timestamp_ticks >= @from AND timestamp_ticks < @to "
        + "AND (@model IS NULL OR model_name = @model) ORDER BY timestamp_ticks, id";

    // READ COMMITTED re-checks "outcome IS NULL" on rows another attach locked first, so two
    // imports of the same labels never overwrite each other's outcome.
    private const string AttachSql = """
        WITH updated AS (
            UPDATE mhi_prediction_log AS p SET outcome = u.outcome, outcome_at_ticks = @at
            FROM unnest(@keys, @outcomes) AS u(subject_key, outcome)
            WHERE p.subject_key = u.subject_key AND p.outcome IS NULL
            RETURNING p.subject_key
        )
        SELECT count(*), count(DISTINCT subject_key) FROM updated
        """;

    private static async Task WriteRowAsync(
        NpgsqlBinaryImporter importer,
        PredictionLogEntry e,
        CancellationToken cancellationToken
    )
    {
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(e.Timestamp.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(e.ModelName, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(e.ModelVersion, NpgsqlDbType.Text, cancellationToken);
        await WriteTextAsync(importer, e.SubjectKey, cancellationToken);
        await importer.WriteAsync(e.RequestId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(e.Source, NpgsqlDbType.Text, cancellationToken);
        await WriteRealAsync(importer, e.Age, cancellationToken);
        await importer.WriteAsync(e.Gender, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(e.Occupation, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(e.Country, NpgsqlDbType.Text, cancellationToken);
        await WriteBooleanAsync(importer, e.ConsultationHistory, cancellationToken);
        await WriteTextAsync(importer, e.StressLevel, cancellationToken);
        await WriteRealAsync(importer, e.SleepHours, cancellationToken);
        await WriteRealAsync(importer, e.WorkHours, cancellationToken);
        await WriteRealAsync(importer, e.PhysicalActivityHours, cancellationToken);
        await importer.WriteAsync(e.Probability, NpgsqlDbType.Double, cancellationToken);
        await importer.WriteAsync(e.Label, NpgsqlDbType.Boolean, cancellationToken);
        await importer.WriteAsync(e.Threshold, NpgsqlDbType.Double, cancellationToken);
        await WriteBooleanAsync(importer, e.Outcome, cancellationToken);
        if (e.OutcomeAt is { } at)
        {
            await importer.WriteAsync(at.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken);
        }
    }

    private static Task WriteTextAsync(
        NpgsqlBinaryImporter importer,
        string? value,
        CancellationToken cancellationToken
    ) =>
        value is null
            ? importer.WriteNullAsync(cancellationToken)
            : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteRealAsync(
        NpgsqlBinaryImporter importer,
        double value,
        CancellationToken cancellationToken
    ) =>
        double.IsNaN(value)
            ? importer.WriteNullAsync(cancellationToken)
            : importer.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);

    private static Task WriteBooleanAsync(
        NpgsqlBinaryImporter importer,
        bool? value,
        CancellationToken cancellationToken
    ) =>
        value is { } v
            ? importer.WriteAsync(v, NpgsqlDbType.Boolean, cancellationToken)
            : importer.WriteNullAsync(cancellationToken);

    private static PredictionLogEntry ReadEntry(NpgsqlDataReader r) =>
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
            ConsultationHistory = r.IsDBNull(11) ? null : r.GetBoolean(11),
            StressLevel = r.IsDBNull(12) ? null : r.GetString(12),
            SleepHours = Real(r, 13),
            WorkHours = Real(r, 14),
            PhysicalActivityHours = Real(r, 15),
            Probability = r.GetDouble(16),
            Label = r.GetBoolean(17),
            Threshold = r.GetDouble(18),
            Outcome = r.IsDBNull(19) ? null : r.GetBoolean(19),
            OutcomeAt = r.IsDBNull(20) ? null : new DateTimeOffset(r.GetInt64(20), TimeSpan.Zero),
        };

    private static double Real(NpgsqlDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? double.NaN : r.GetDouble(ordinal);
}
