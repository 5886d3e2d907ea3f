namespace MentalHealthInsights.Core.Artifacts;

/// <summary>A file or directory under a run's artifact root (MLflow's <c>FileInfo</c>).</summary>
/// <param name="Path">Relative to the artifact root, <c>/</c>-separated, e.g. <c>model/MLmodel</c>.</param>
/// <param name="IsDirectory">True for a directory.</param>
/// <param name="FileSize">Size in bytes for a file; null for a directory.</param>
public sealed record ArtifactEntry(string Path, bool IsDirectory, long? FileSize);
