namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>The database behind a <see cref="SqlPipelineRunStore"/>. The SQL is shared; only set-up differs.</summary>
public enum PipelineStoreDialect
{
    /// <summary>One SQLite file (embedded default): WAL journal, immediate write transactions.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (scale-out): schema creation serialised by an advisory lock.</summary>
    Postgres,
}
