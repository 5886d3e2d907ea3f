using System.Runtime.CompilerServices;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>A local file or folder (absolute path).</summary>
public sealed class LocalStorageLocation : StorageLocation
{
    private const int BufferSize = 1 << 16;

    /// <summary>Creates a location for an absolute path.</summary>
    public LocalStorageLocation(string fullPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullPath);
        FullPath = Path.GetFullPath(fullPath);
    }

    /// <summary>The absolute path.</summary>
    public string FullPath { get; }

    /// <summary>
    /// The one wording, for every command and pipeline step, of an input that should be a file
    /// (a <paramref name="what"/>, e.g. "reference file") but is the folder
    /// <paramref name="fullPath"/>: opening it would fail with .NET's misleading "Access to the
    /// path … is denied.", and "does not exist" would be wrong.
    /// </summary>
    public static string FolderNotFileMessage(string what, string fullPath) =>
        $"{what} {fullPath} is a folder, not a file; give the path of a file.";

    /// <inheritdoc />
    public override string Uri => FullPath;

    /// <inheritdoc />
    public override string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(FullPath));

    /// <inheritdoc />
    public override bool IsLocal => true;

    /// <inheritdoc />
    public override Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!File.Exists(FullPath))
        {
            throw new FileNotFoundException($"input file not found: {FullPath}", FullPath);
        }
        return Task.FromResult<Stream>(
            new FileStream(
                FullPath,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan
            )
        );
    }

    /// <inheritdoc />
    public override StorageWriteStream OpenWrite() => new LocalWriteStream(this);

    /// <inheritdoc />
    public override Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(FullPath));

    /// <inheritdoc />
    public override Task<StorageObject?> StatAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = new FileInfo(FullPath);
        return Task.FromResult(
            file.Exists
                ? new StorageObject(this, file.Name, file.Length)
                {
                    LastModified = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero),
                }
                : null
        );
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<StorageObject> ListAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        if (!Directory.Exists(FullPath))
        {
            yield break;
        }
        var files = new DirectoryInfo(FullPath)
            .EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !LocalWriteStream.IsTemporary(f.Name))
            .Select(f =>
                (
                    File: f,
                    Relative: Path.GetRelativePath(FullPath, f.FullName)
                        .Replace(Path.DirectorySeparatorChar, '/')
                )
            )
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (file, relative) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StorageObject(
                new LocalStorageLocation(file.FullName),
                relative,
                file.Length
            )
            {
                LastModified = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero),
            };
        }
        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public override StorageLocation Child(string relativePath) =>
        new LocalStorageLocation(
            Path.Combine(
                FullPath,
                CheckRelative(relativePath).Replace('/', Path.DirectorySeparatorChar)
            )
        );
}
