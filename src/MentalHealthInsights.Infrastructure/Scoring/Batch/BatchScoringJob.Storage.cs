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
    /// Takes <c>OUTPUT.lock</c> and <c>REJECTS.lock</c> exclusively (OS locks: <c>flock</c> on
    /// Linux, so a killed job never leaves them held) for the whole job, fresh or resumed: a second
    /// job with the same output, or the same rejects file, refuses at once instead of writing the
    /// same partial files.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another job holds a lock.</exception>
    /// <exception cref="IOException">A lock file cannot be created or opened (read-only file system, full disk, …).</exception>
    private static JobLock AcquireLock(BatchPlan plan)
    {
        var output = Lock(plan.LockPath, $"writing {plan.OutputDisplay}", "wait for it to finish");
        try
        {
            var rejects = Lock(
                plan.RejectsLockPath,
                $"writing the rejects file {plan.RejectsDisplay}",
                "give each job its own --rejects, or wait for it to finish"
            );
            return new JobLock([output, rejects]);
        }
        catch
        {
            new JobLock([output]).Dispose();
            throw;
        }
    }

    private static (string Path, FileStream Stream) Lock(string path, string what, string advice)
    {
        try
        {
            return (
                path,
                new FileStream(
                    path,
                    FileMode.OpenOrCreate,
                    FileAccess.ReadWrite,
                    FileShare.None,
                    bufferSize: 0
                )
            );
        }
        catch (IOException e) when (IsLockConflict(e))
        {
            throw new InvalidOperationException(
                $"Another mhi batch is {what} (its lock {path} is held); {advice}.",
                e
            );
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw LockFailure(path, e);
        }
    }

    /// <summary>
    /// Why the lock file next to an output cannot be created or opened, in plain words: the
    /// folder cannot be written (permission denied, a file system that takes no new files such as
    /// /proc, read-only, full, a symbolic-link loop), naming the lock file, with the operating
    /// system's reason but without .NET's wording.
    /// </summary>
    internal static IOException LockFailure(string lockPath, Exception e)
    {
        var reason = e switch
        {
            UnauthorizedAccessException => "permission denied",
            FileNotFoundException or DirectoryNotFoundException =>
                "the folder does not take new files",
            _ => OperatingSystemReason(e.Message, lockPath),
        };
        return new IOException(
            $"The folder {Path.GetDirectoryName(lockPath)} cannot be written: creating the job's lock file {lockPath} failed ({reason}). Choose an output in a folder you can write.",
            e
        );
    }

    /// <summary>The operating system's text of an I/O error: .NET's message without its " : 'PATH'" suffix.</summary>
    private static string OperatingSystemReason(string message, string path)
    {
        var suffix = $" : '{path}'";
        var reason = message.EndsWith(suffix, StringComparison.Ordinal)
            ? message[..^suffix.Length]
            : message;
        return reason.TrimEnd('.');
    }

    /// <summary>
    /// True when opening with <see cref="FileShare.None"/> failed because another handle holds
    /// the file: on Unix .NET's <c>flock</c> answered EWOULDBLOCK (11 on Linux, 35 on macOS and
    /// the BSDs), which it reports as the <see cref="Exception.HResult"/>; on Windows a sharing or
    /// lock violation (Win32 errors 32 and 33). Every other I/O error (a read-only file system,
    /// a full disk, a symbolic-link loop) is not another job and goes up as it is.
    /// </summary>
    internal static bool IsLockConflict(IOException e) =>
        e.GetType() == typeof(IOException)
        && (
            OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33
            : OperatingSystem.IsLinux() ? e.HResult == 11
            : e.HResult == 35
        );

    /// <summary>The held lock files; each deleted while still held, so no other job can lock the old file.</summary>
    private sealed class JobLock(IReadOnlyList<(string Path, FileStream Stream)> locks)
        : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (var (path, stream) in locks)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Left behind: harmless, the next job locks it again.
                }
                catch (UnauthorizedAccessException)
                {
                    // As above.
                }

                stream.Dispose();
            }
        }
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
        JobLock jobLock,
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
        jobLock.Dispose(); // the lock file goes too, so the emptied folders can be removed
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
