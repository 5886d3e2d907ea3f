using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>
/// Where pipelines find the tracking store and registry: the <c>tracking-uri</c> parameter, else
/// MLFLOW_TRACKING_URI, else <c>OUT/mlruns.db</c> (as <c>mhi run</c>), so that a pipeline run
/// after a <c>training</c> run with the same <c>out</c> sees the models it registered.
/// </summary>
internal static class PipelineTracking
{
    /// <summary>The tracking URI in effect for <paramref name="given"/> and <paramref name="outFolder"/>.</summary>
    public static string Uri(string given, string outFolder) =>
        given.Length > 0
            ? given
            : Environment.GetEnvironmentVariable(TrackingBackendFactory.TrackingUriVariable)
                ?? "sqlite:///"
                    + Path.Combine(outFolder, TrackingBackendFactory.DefaultDatabaseFile);

    /// <summary>The stores behind <see cref="Uri"/> (credentials from the environment).</summary>
    public static TrackingBackend Open(string given, string outFolder, TimeProvider time) =>
        TrackingBackendFactory.Create(
            TrackingBackendFactory.EnvironmentOptions(Uri(given, outFolder)),
            time
        );
}
