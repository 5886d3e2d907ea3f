namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>Where and how the local SQLite tracking store and model registry keep their data.</summary>
public sealed record SqliteTrackingOptions
{
    /// <summary>The database file (created with its folder on first use), e.g. <c>./mlruns.db</c>.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>
    /// Artifact root URI for new experiments (an experiment's location is <c>&lt;root&gt;/&lt;id&gt;</c>);
    /// null (the default) → the <c>file://</c> URI of a <c>mlartifacts</c> folder beside the database.
    /// </summary>
    public string? DefaultArtifactRoot { get; init; }

    /// <summary>How long a write waits for another writer's lock before failing with TEMPORARILY_UNAVAILABLE (default 5 s).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reuse connections within a process (default true). Off gives every operation its own connection.</summary>
    public bool Pooling { get; init; } = true;

    /// <summary>Recorded as the user of new model versions and alias changes when no actor is given; empty → <c>unknown</c>.</summary>
    public string UserName { get; init; } = "";
}
