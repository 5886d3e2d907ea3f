namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

/// <summary>Where and how the SQLite monitoring store keeps its database.</summary>
public sealed record SqliteMonitoringStoreOptions
{
    /// <summary>The database file; created with its folder when missing. Required.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>How long a writer waits for another process's write lock. Default 30 s.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The default database file name, beside the tracking database: "monitoring.db".</summary>
    public const string DefaultFileName = "monitoring.db";
}
