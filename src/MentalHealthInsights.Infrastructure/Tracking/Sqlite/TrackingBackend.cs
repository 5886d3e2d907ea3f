using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>The stores a tracking URI resolved to.</summary>
/// <param name="Tracking">Experiments, runs, params, metrics, tags.</param>
/// <param name="Registry">Registered models, versions, aliases.</param>
/// <param name="Artifacts">Run artifacts.</param>
/// <param name="TrackingUri">The resolved tracking location, for messages (e.g. <c>sqlite:////work/mlruns.db</c>).</param>
/// <param name="RegistryUri">The resolved registry location.</param>
/// <param name="ArtifactRoot">The artifact root folder or URI.</param>
public sealed record TrackingBackend(
    ITrackingStore Tracking,
    IModelRegistry Registry,
    IArtifactStore Artifacts,
    string TrackingUri,
    string RegistryUri,
    string ArtifactRoot
)
{
    /// <summary>
    /// The SQLite file of a local tracking store (absolute), null for an MLflow server. The file
    /// is created by the first call that touches the store, so a command that only reads can
    /// check first that it exists.
    /// </summary>
    public string? TrackingDatabasePath { get; init; }

    /// <summary>The SQLite file of a local registry (absolute), null for an MLflow server.</summary>
    public string? RegistryDatabasePath { get; init; }
}
