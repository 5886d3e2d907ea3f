using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Monitoring;
using MentalHealthInsights.Infrastructure.Scoring;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>The strict profile's bins fixed at training time, fetched from the registered model's run.</summary>
internal static partial class MonitorCommand
{
    /// <summary>
    /// The reference-profile.json the training job logged beside the model's run
    /// (<c>monitoring/reference-profile.json</c>), downloaded under <c>DIR/.models/</c>; null when
    /// the model is not a registered version or its run has no profile (older runs): the job
    /// then builds the bins from the reference file.
    /// </summary>
    private static async Task<string?> TrainingProfileAsync(
        TrackingBackend? backend,
        ResolvedModel? resolved,
        string outputDirectory,
        CancellationToken cancellationToken
    )
    {
        if (backend is null || resolved?.Version?.RunId is not { } runId)
        {
            return null;
        }
        try
        {
            var run = await backend.Tracking.GetRunAsync(runId, cancellationToken);
            var folder = Path.Combine(outputDirectory, ".models", "profile-" + runId);
            var downloaded = await backend.Artifacts.DownloadArtifactsAsync(
                run.Info.ArtifactUri,
                TrainingJob.ReferenceProfileArtifactPath
                    + "/"
                    + MonitoringReportWriter.ProfileFileName,
                folder,
                cancellationToken
            );
            return File.Exists(downloaded) ? downloaded : null;
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }
}
