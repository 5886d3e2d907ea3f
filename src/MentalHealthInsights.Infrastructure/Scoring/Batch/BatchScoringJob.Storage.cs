using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

public sealed partial class BatchScoringJob
{
    /// <summary>
    /// Creates the folders of the (local or work-folder) output and rejects files before the
    /// checkpoint is looked for there: the mirror folders of an S3 output under the work folder
    /// do not exist before its first attempt.
    /// </summary>
    private static void CreateOutputFolders(BatchPlan plan)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(plan.Output)!);
        Directory.CreateDirectory(Path.GetDirectoryName(plan.Rejects)!);
    }

    /// <summary>
    /// Finishes a job with an S3 output or rejects file (instead of the local renames): the
    /// complete partial files in the work folder are uploaded (multipart above the part size,
    /// visible only once complete), rejects first and output last, so the output object's
    /// appearance means the job is done. Each uploaded work file is deleted, then the checkpoint.
    /// Idempotent: a job stopped during the uploads keeps its finished checkpoint, and
    /// <c>--resume</c> uploads what is still in the work folder without scoring again.
    /// </summary>
    private static void Publish(
        BatchPlan plan,
        BatchCheckpoint checkpoint,
        CancellationToken cancellationToken
    )
    {
        if (!checkpoint.Finished)
        {
            return;
        }

        PublishFile(plan.RejectsPartial, plan.Rejects, plan.RejectsTarget, cancellationToken);
        PublishFile(plan.OutputPartial, plan.Output, plan.OutputTarget, cancellationToken);
        File.Delete(plan.CheckpointPath);
        RemoveEmptyFolders(plan.WorkDirectory, Path.GetDirectoryName(plan.Rejects)!);
        RemoveEmptyFolders(plan.WorkDirectory, Path.GetDirectoryName(plan.Output)!);
    }

    private static void PublishFile(
        string partial,
        string local,
        StorageLocation? target,
        CancellationToken cancellationToken
    )
    {
        if (!File.Exists(partial))
        {
            return; // published by an earlier attempt
        }

        if (target is null)
        {
            File.Move(partial, local, overwrite: true);
            return;
        }

        StorageTransfer.UploadAsync(partial, target, cancellationToken).GetAwaiter().GetResult();
        File.Delete(partial);
    }

    /// <summary>
    /// Removes the now empty mirror folders (<c>WORK/s3/bucket/…</c>) of a published job, up to
    /// and including the work folder itself when nothing else is left in it.
    /// </summary>
    private static void RemoveEmptyFolders(string workDirectory, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(workDirectory);
        var current = folder;
        while (
            (
                string.Equals(current, root, StringComparison.Ordinal)
                || current.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            )
            && Directory.Exists(current)
            && !Directory.EnumerateFileSystemEntries(current).Any()
        )
        {
            Directory.Delete(current);
            if (string.Equals(current, root, StringComparison.Ordinal))
            {
                return;
            }

            current = Path.GetDirectoryName(current)!;
        }
    }
}
