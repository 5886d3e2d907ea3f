using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// One small artifact file of a run, read into memory through the artifact store (local or
/// S3): downloaded into a temporary folder of its own, read, and the folder removed. What the
/// model page's readers (key indicators, training plots) fetch from a training run.
/// </summary>
internal static class RunArtifactFile
{
    /// <summary>
    /// The bytes of <paramref name="artifactPath"/> under run <paramref name="runId"/>'s
    /// artifact root, or null when the file is larger than <paramref name="maxBytes"/>. Throws
    /// what the stores throw for a missing run or file, or a store that cannot be read.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(
        TrackingBackend backend,
        string runId,
        string artifactPath,
        long maxBytes,
        CancellationToken cancellationToken
    )
    {
        var run = await backend.Tracking.GetRunAsync(runId, cancellationToken);
        var folder = Path.Combine(
            Path.GetTempPath(),
            "mhi-artifact-" + Guid.NewGuid().ToString("N")
        );
        try
        {
            var file = await backend.Artifacts.DownloadArtifactsAsync(
                run.Info.ArtifactUri,
                artifactPath,
                folder,
                cancellationToken
            );
            return new FileInfo(file).Length > maxBytes
                ? null
                : await File.ReadAllBytesAsync(file, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
