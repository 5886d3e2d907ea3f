namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>Where a local tracking URI puts the database and the artifacts.</summary>
/// <param name="DatabasePath">Absolute path of the SQLite file.</param>
/// <param name="ArtifactRoot">Absolute path of the artifact folder (beside the database).</param>
public sealed record LocalTrackingLocation(string DatabasePath, string ArtifactRoot)
{
    /// <summary>The location as an MLflow-style URI, <c>sqlite:////abs/path.db</c>.</summary>
    public string Uri => "sqlite:///" + DatabasePath.Replace('\\', '/');
}
