namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// Copies between local files and storage locations, streaming (constant memory), for commands
/// whose libraries need a local file (training reads the dataset twice; reports write folders).
/// </summary>
public static class StorageTransfer
{
    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Copies <paramref name="source"/> to the local file <paramref name="localPath"/> through a
    /// temporary file renamed into place, and returns the bytes copied.
    /// </summary>
    /// <exception cref="FileNotFoundException">The source does not exist.</exception>
    public static async Task<long> DownloadAsync(
        StorageLocation source,
        string localPath,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var input = await source.OpenReadAsync(cancellationToken);
        await using var output = new LocalStorageLocation(localPath).OpenWrite();
        await input.CopyToAsync(output, BufferSize, cancellationToken);
        await output.CommitAsync(cancellationToken);
        return output.BytesWritten;
    }

    /// <summary>Copies the local file <paramref name="localPath"/> to <paramref name="target"/>; returns the bytes copied.</summary>
    public static async Task<long> UploadAsync(
        string localPath,
        StorageLocation target,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(target);
        await using var input = new FileStream(
            localPath,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            BufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan
        );
        await using var output = target.OpenWrite();
        await input.CopyToAsync(output, BufferSize, cancellationToken);
        await output.CommitAsync(cancellationToken);
        return output.BytesWritten;
    }

    /// <summary>
    /// Uploads every file under <paramref name="localDirectory"/> to the same relative path under
    /// <paramref name="target"/> (a folder or key prefix), in ordinal path order, and returns the
    /// number of files. Each file appears whole or not at all; a failure stops the copy.
    /// </summary>
    public static async Task<int> UploadDirectoryAsync(
        string localDirectory,
        StorageLocation target,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(target);
        var files = 0;
        await foreach (
            var file in new LocalStorageLocation(localDirectory).ListAsync(cancellationToken)
        )
        {
            await UploadAsync(
                ((LocalStorageLocation)file.Location).FullPath,
                target.Child(file.RelativePath),
                cancellationToken
            );
            files++;
        }
        return files;
    }
}
