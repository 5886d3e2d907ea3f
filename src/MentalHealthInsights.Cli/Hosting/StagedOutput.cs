using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// A command's output folder (see <see cref="StorageArguments.StageOutput"/>): written locally
/// at <see cref="Directory"/>, then uploaded to <see cref="Target"/> by <see cref="PublishAsync"/>
/// when the target is in S3. Disposing deletes the temporary folder of an S3 target (so does
/// the process's exit, see <see cref="TemporaryFolder"/>).
/// </summary>
internal sealed class StagedOutput(
    string directory,
    StorageLocation? target,
    TemporaryFolder? temporary = null
) : IDisposable
{
    /// <summary>The local folder the command writes into.</summary>
    public string Directory { get; } = directory;

    /// <summary>The S3 prefix the folder is uploaded to; null for a local output.</summary>
    public StorageLocation? Target { get; } = target;

    /// <summary>Uploads every file under <see cref="Directory"/> to <see cref="Target"/> (no-op for a local output).</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (Target is not null)
        {
            await StorageTransfer.UploadDirectoryAsync(Directory, Target, cancellationToken);
        }
    }

    /// <summary>
    /// For a command that failed after writing its rejects file (e.g. no valid rows): uploads
    /// that one file to an S3 target, so the message's "see …" points at something that
    /// exists, and returns the failure with the local path replaced by the S3 URI.
    /// </summary>
    public async Task<CommandFailure> KeepRejectsAsync(
        CommandFailure failure,
        string fileName,
        CancellationToken cancellationToken
    )
    {
        var local = Path.Combine(Directory, fileName);
        if (Target is null || !File.Exists(local))
        {
            return failure;
        }
        var target = Target.Child(fileName);
        await StorageTransfer.UploadAsync(local, target, cancellationToken);
        return new CommandFailure(
            failure.ExitCode,
            failure.Message.Replace(local, target.Uri, StringComparison.Ordinal)
        );
    }

    /// <summary>
    /// Where a file written under <see cref="Directory"/> ends up: the same path for a local
    /// output, its s3:// URI otherwise. Paths outside the folder are returned unchanged.
    /// </summary>
    public string Display(string localPath)
    {
        if (Target is null)
        {
            return localPath;
        }
        var relative = Path.GetRelativePath(Directory, localPath);
        return relative == "." ? Target.Uri
            : relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
                ? localPath
            : Target.Child(relative.Replace(Path.DirectorySeparatorChar, '/')).Uri;
    }

    public void Dispose() => temporary?.Dispose();
}
