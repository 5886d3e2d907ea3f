using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// Where the dashboard pages read from, with the same defaults as the CLI so <c>mhi serve</c>
/// started beside <c>mhi monitor</c>, <c>mhi worker</c> and <c>mhi pipeline run</c> shows their
/// results: <c>Monitoring:Store</c>, else MHI_MONITORING_DB, else ./monitoring.db (SQLite or
/// PostgreSQL); and <c>Pipelines:Store</c>, else MHI_PIPELINE_STORE, else the pipelines settings'
/// <c>runStore</c>, else sqlite:///pipelines.db — the run store the hosted scheduler writes.
/// </summary>
internal static class DashboardStores
{
    /// <summary>The configuration key naming the monitoring store (a SQLite file or a PostgreSQL database).</summary>
    public const string MonitoringKey = "Monitoring:Store";

    /// <summary>The configuration key naming the pipeline run store (SQLite or PostgreSQL).</summary>
    public const string PipelinesKey = "Pipelines:Store";

    /// <summary>The environment variable <c>mhi monitor</c> and <c>mhi alerts</c> read.</summary>
    public const string MonitoringVariable = "MHI_MONITORING_DB";

    /// <summary>The monitoring store's location: a SQLite path, or a PostgreSQL URI or connection string.</summary>
    public static string MonitoringLocation(IConfiguration configuration) =>
        new[]
        {
            configuration[MonitoringKey],
            Environment.GetEnvironmentVariable(MonitoringVariable),
            SqliteMonitoringStoreOptions.DefaultFileName,
        }.First(v => !string.IsNullOrWhiteSpace(v))!;

    /// <summary>
    /// The pipeline run store's location, the one rule of the pages and the hosted scheduler:
    /// <c>Pipelines:Store</c>, else as <c>mhi worker</c> chooses from <paramref name="settings"/>
    /// (MHI_PIPELINE_STORE, the settings' <c>runStore</c>, sqlite:///pipelines.db).
    /// </summary>
    public static string PipelinesLocation(
        IConfiguration configuration,
        PipelineSettings settings
    ) =>
        PipelineSettingsLoader.RunStoreLocation(
            settings,
            configuration[PipelinesKey] is { } store && !string.IsNullOrWhiteSpace(store)
                ? store
                : null
        );

    /// <summary>
    /// The SQLite file of a run store location, or null for PostgreSQL. Reading a missing file
    /// would create it; a read-only page must not, so callers check it exists first.
    /// </summary>
    /// <exception cref="ArgumentException">A malformed location.</exception>
    public static string? PipelinesSqliteFile(string location) =>
        DatabaseLocation.SqlitePath(location, "run store");

    /// <summary>
    /// The dashboard's monitoring store, opened once per server on first use and then shared by
    /// every request (both adapters are safe for concurrent use: a connection per call, the
    /// schema created once under a lock). A missing SQLite file is not created: until it exists,
    /// <see cref="Get"/> answers null and looks again on the next request. Neither adapter holds
    /// a connection between calls (SQLite opens one per call, Npgsql pools per process), so
    /// there is nothing to close when the host stops.
    /// </summary>
    /// <param name="configuration">Where <see cref="MonitoringLocation"/> reads from.</param>
    internal sealed class SharedMonitoringStore(IConfiguration configuration)
    {
        private readonly Lock _gate = new();
        private IMonitoringStore? _store;

        /// <summary>The store, or null while it is a SQLite file that does not exist.</summary>
        /// <exception cref="ArgumentException">A malformed location.</exception>
        public IMonitoringStore? Get()
        {
            if (Volatile.Read(ref _store) is { } opened)
            {
                return opened;
            }
            lock (_gate)
            {
                if (_store is not null)
                {
                    return _store;
                }
                var location = MonitoringLocation(configuration);
                if (MonitoringStoreFactory.SqlitePath(location) is { } path && !File.Exists(path))
                {
                    return null;
                }
                Volatile.Write(ref _store, MonitoringStoreFactory.Create(location));
                return _store;
            }
        }
    }
}
