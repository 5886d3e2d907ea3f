using System.Text;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

public sealed partial class SqlitePredictionLogStore
{
    // Text values are encoded to UTF-8 here, on the stack; longer ones (none come from the API:
    // subject keys are 64 hex characters) are encoded on the heap.
    private const int TextBufferBytes = 512;

    private static readonly byte[] InsertSqlUtf8 = Encoding.UTF8.GetBytes(InsertSql);

    /// <summary>
    /// Inserts <paramref name="entries"/> inside the caller's transaction through one prepared
    /// statement, bound by index with SQLitePCL.raw — the library Microsoft.Data.Sqlite itself
    /// calls. Why not <see cref="SqliteCommand"/>: per row it re-enumerates the statements,
    /// binds every parameter by name, boxes every number and creates a data reader; at the
    /// server's 20,000 predictions a second that was half of the writer's cost. Every parameter
    /// is bound on every row (missing values as NULL), so nothing carries over between rows.
    /// </summary>
    private static void InsertAll(
        sqlite3 db,
        IReadOnlyList<PredictionLogEntry> entries,
        CancellationToken cancellationToken
    )
    {
        Check(raw.sqlite3_prepare_v2(db, InsertSqlUtf8, out var statement), db);
        using (statement)
        {
            Span<byte> buffer = stackalloc byte[TextBufferBytes];
            foreach (var entry in entries)
            {
                ArgumentNullException.ThrowIfNull(entry);
                cancellationToken.ThrowIfCancellationRequested();
                Bind(db, statement, entry, buffer);
                var stepped = raw.sqlite3_step(statement);
                if (stepped != raw.SQLITE_DONE)
                {
                    Check(stepped, db);
                }
                Check(raw.sqlite3_reset(statement), db);
            }
        }
    }

    private static void Bind(sqlite3 db, sqlite3_stmt s, PredictionLogEntry e, Span<byte> buffer)
    {
        // Parameter numbers follow Columns (1-based).
        Check(raw.sqlite3_bind_int64(s, 1, e.Timestamp.UtcTicks), db);
        Check(BindText(s, 2, e.ModelName, buffer), db);
        Check(BindText(s, 3, e.ModelVersion, buffer), db);
        Check(BindText(s, 4, e.SubjectKey, buffer), db);
        Check(BindText(s, 5, e.RequestId, buffer), db);
        Check(BindText(s, 6, e.Source, buffer), db);
        Check(BindReal(s, 7, e.Age), db);
        Check(BindText(s, 8, e.Gender, buffer), db);
        Check(BindText(s, 9, e.Occupation, buffer), db);
        Check(BindText(s, 10, e.Country, buffer), db);
        Check(BindFlag(s, 11, e.ConsultationHistory), db);
        Check(BindText(s, 12, e.StressLevel, buffer), db);
        Check(BindReal(s, 13, e.SleepHours), db);
        Check(BindReal(s, 14, e.WorkHours), db);
        Check(BindReal(s, 15, e.PhysicalActivityHours), db);
        Check(raw.sqlite3_bind_double(s, 16, e.Probability), db);
        Check(raw.sqlite3_bind_int(s, 17, e.Label ? 1 : 0), db);
        Check(raw.sqlite3_bind_double(s, 18, e.Threshold), db);
        Check(BindFlag(s, 19, e.Outcome), db);
        Check(
            e.OutcomeAt is { } at
                ? raw.sqlite3_bind_int64(s, 20, at.UtcTicks)
                : raw.sqlite3_bind_null(s, 20),
            db
        );
    }

    private static int BindText(sqlite3_stmt s, int index, string? value, Span<byte> buffer)
    {
        if (value is null)
        {
            return raw.sqlite3_bind_null(s, index);
        }
        if (value.Length == 0)
        {
            // An empty span pins to a null pointer, which SQLite would store as NULL.
            return raw.sqlite3_bind_text(s, index, string.Empty);
        }
        return Encoding.UTF8.TryGetBytes(value, buffer, out var written)
            ? raw.sqlite3_bind_text(s, index, buffer[..written])
            : raw.sqlite3_bind_text(s, index, Encoding.UTF8.GetBytes(value));
    }

    private static int BindReal(sqlite3_stmt s, int index, double value) =>
        double.IsNaN(value)
            ? raw.sqlite3_bind_null(s, index)
            : raw.sqlite3_bind_double(s, index, value);

    private static int BindFlag(sqlite3_stmt s, int index, bool? value) =>
        value is { } flag
            ? raw.sqlite3_bind_int(s, index, flag ? 1 : 0)
            : raw.sqlite3_bind_null(s, index);

    /// <summary>Throws the provider's <see cref="SqliteException"/> (code and SQLite's message, no values) unless OK.</summary>
    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
