using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Artifacts.Local;

/// <summary>
/// Artifacts on the local file system. A run's artifact URI is a <c>file://</c> URI (or an
/// absolute path); with the default layout it is
/// <c>&lt;root&gt;/&lt;experiment id&gt;/&lt;run id&gt;/artifacts</c> under
/// <see cref="RootDirectory"/> (default <c>./mlartifacts</c>). Files are written to a hidden
/// temporary file beside the target and renamed into place, so a reader sees the old file or
/// the whole new one, never part of it; unfinished temporary files are not listed.
/// </summary>
public sealed class LocalArtifactStore : IArtifactStore
{
    private const string PartialSuffix = ".mhi-partial";
    private const int BufferSize = 81_920;

    /// <summary>Creates a store whose default root is <paramref name="rootDirectory"/> (created on first write).</summary>
    public LocalArtifactStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
    }

    /// <summary>The absolute root folder, under which the tracking store places experiments by default.</summary>
    public string RootDirectory { get; }

    /// <summary>The <c>file://</c> URI of <see cref="RootDirectory"/> (the tracking store's default artifact root).</summary>
    public string RootUri => FileUris.ToFileUri(RootDirectory);

    /// <inheritdoc />
    public async Task LogArtifactAsync(
        string artifactUri,
        string localFile,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    )
    {
        var root = ResolveRoot(artifactUri);
        if (!File.Exists(localFile))
        {
            throw new FileNotFoundException(
                "The file to log as an artifact does not exist.",
                localFile
            );
        }
        var relative = ArtifactPath.Combine(
            artifactPath ?? "",
            ArtifactPath.NormalizeName(Path.GetFileName(localFile))
        );
        await CopyAtomicallyAsync(
            localFile,
            LocalArtifactPaths.Under(root, relative),
            cancellationToken
        );
    }

    /// <inheritdoc />
    public async Task LogArtifactsAsync(
        string artifactUri,
        string localDirectory,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    )
    {
        var root = ResolveRoot(artifactUri);
        var (prefix, directories, files) = LocalArtifactTree.Read(localDirectory, artifactPath);
        Directory.CreateDirectory(LocalArtifactPaths.Under(root, prefix));
        foreach (var directory in directories)
        {
            Directory.CreateDirectory(LocalArtifactPaths.Under(root, directory));
        }
        foreach (var (local, relative) in files)
        {
            await CopyAtomicallyAsync(
                local,
                LocalArtifactPaths.Under(root, relative),
                cancellationToken
            );
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(
        string artifactUri,
        string? path = null,
        CancellationToken cancellationToken = default
    )
    {
        var root = ResolveRoot(artifactUri);
        var relative = ArtifactPath.Normalize(path);
        var directory = new DirectoryInfo(LocalArtifactPaths.Under(root, relative));
        if (!directory.Exists)
        {
            return Task.FromResult<IReadOnlyList<ArtifactEntry>>([]);
        }
        var entries = new List<ArtifactEntry>();
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Name.EndsWith(PartialSuffix, StringComparison.Ordinal))
            {
                continue;
            }
            var entryPath = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            entries.Add(
                entry is FileInfo file
                    ? new ArtifactEntry(entryPath, false, file.Length)
                    : new ArtifactEntry(entryPath, true, null)
            );
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return Task.FromResult<IReadOnlyList<ArtifactEntry>>(entries);
    }

    /// <inheritdoc />
    public async Task<string> DownloadArtifactsAsync(
        string artifactUri,
        string? path,
        string destinationDirectory,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationDirectory);
        var root = ResolveRoot(artifactUri);
        var relative = ArtifactPath.Normalize(path);
        var source = LocalArtifactPaths.Under(root, relative);
        var destinationRoot = Path.GetFullPath(destinationDirectory);
        var destination = LocalArtifactPaths.Under(destinationRoot, relative);
        if (File.Exists(source))
        {
            await CopyAtomicallyAsync(source, destination, cancellationToken);
            return destination;
        }
        if (!Directory.Exists(source))
        {
            throw new TrackingException(
                TrackingErrorCode.ResourceDoesNotExist,
                $"Artifact '{relative}' does not exist under '{artifactUri}'."
            );
        }
        Directory.CreateDirectory(destination);
        foreach (
            var directory in Directory.EnumerateDirectories(
                source,
                "*",
                SearchOption.AllDirectories
            )
        )
        {
            Directory.CreateDirectory(
                Path.Combine(destination, Path.GetRelativePath(source, directory))
            );
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (!file.EndsWith(PartialSuffix, StringComparison.Ordinal))
            {
                await CopyAtomicallyAsync(
                    file,
                    Path.Combine(destination, Path.GetRelativePath(source, file)),
                    cancellationToken
                );
            }
        }
        return destination;
    }

    private static string ResolveRoot(string artifactUri)
    {
        if (!FileUris.TryToLocalPath(artifactUri, out var local))
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                $"'{artifactUri}' is not a local artifact URI (expected file:// or an absolute path)."
            );
        }
        return Path.GetFullPath(local);
    }

    private static async Task CopyAtomicallyAsync(
        string source,
        string destination,
        CancellationToken cancellationToken
    )
    {
        var folder = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(
            folder,
            $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}{PartialSuffix}"
        );
        try
        {
            await using (
                var input = new FileStream(
                    source,
                    FileMode.Open,
                    FileAccess.Read,
                    FileShare.Read,
                    BufferSize,
                    FileOptions.Asynchronous | FileOptions.SequentialScan
                )
            )
            await using (
                var output = new FileStream(
                    temporary,
                    FileMode.CreateNew,
                    FileAccess.Write,
                    FileShare.None,
                    BufferSize,
                    FileOptions.Asynchronous
                )
            )
            {
                await input.CopyToAsync(output, BufferSize, cancellationToken);
                await output.FlushAsync(cancellationToken);
                output.Flush(flushToDisk: true);
            }
            File.Move(temporary, destination, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
