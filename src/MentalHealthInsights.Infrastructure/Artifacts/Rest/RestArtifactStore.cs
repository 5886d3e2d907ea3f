using System.Net.Http.Headers;
using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Artifacts.Rest;

/// <summary>
/// <see cref="IArtifactStore"/> through an MLflow server's artifact proxy
/// (<c>mlflow server --serve-artifacts</c>, the 2.x default): a run artifact URI
/// <c>mlflow-artifacts:/&lt;experiment&gt;/&lt;run&gt;/artifacts</c> maps to
/// <c>/api/2.0/mlflow-artifacts/artifacts/&lt;experiment&gt;/&lt;run&gt;/artifacts/&lt;path&gt;</c>:
/// PUT uploads, GET downloads, GET <c>…/artifacts?path=</c> lists. URIs the proxy does not serve
/// (<c>s3://</c>, <c>file://</c>, …) fail with <see cref="TrackingErrorCode.InvalidParameterValue"/>.
/// The server replaces an uploaded file in one step, so readers see the old or the new file.
/// </summary>
public sealed class RestArtifactStore : IArtifactStore
{
    private const string ProxyPath = "api/2.0/mlflow-artifacts/artifacts";
    private const string Scheme = "mlflow-artifacts:";

    private readonly MlflowRestClient _client;

    /// <summary>Creates the store on a shared client (not disposed by the store).</summary>
    public RestArtifactStore(MlflowRestClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public async Task LogArtifactAsync(
        string artifactUri,
        string localFile,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    )
    {
        var root = ResolveRoot(artifactUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(localFile);
        var target = ArtifactPath.Combine(
            ArtifactPath.Normalize(artifactPath),
            ArtifactPath.NormalizeName(Path.GetFileName(localFile))
        );
        await UploadAsync(root, localFile, target, cancellationToken);
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
        var prefix = ArtifactPath.Normalize(artifactPath);
        var source = Path.GetFullPath(localDirectory);
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"Folder '{source}' does not exist.");
        }
        // Every name is checked before the first upload, so a bad name uploads nothing.
        var uploads = Directory
            .EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Select(file =>
                (
                    file,
                    target: ArtifactPath.Combine(
                        prefix,
                        ArtifactPath.Normalize(
                            Path.GetRelativePath(source, file)
                                .Replace(Path.DirectorySeparatorChar, '/')
                        )
                    )
                )
            )
            .OrderBy(u => u.target, StringComparer.Ordinal)
            .ToList();
        foreach (var (file, target) in uploads)
        {
            await UploadAsync(root, file, target, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(
        string artifactUri,
        string? path = null,
        CancellationToken cancellationToken = default
    )
    {
        var root = ResolveRoot(artifactUri);
        return await ListAsync(root, ArtifactPath.Normalize(path), cancellationToken);
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
        var destinationRoot = Path.GetFullPath(destinationDirectory);
        var destination = LocalArtifactPaths.Under(destinationRoot, relative);
        // The proxy answers a missing file with 500, which would be retried and then misreported;
        // listing first tells a file from a folder from nothing.
        var children = await ListAsync(root, relative, cancellationToken);
        if (children.Count == 0 && relative.Length > 0)
        {
            var slash = relative.LastIndexOf('/');
            var parent = slash < 0 ? "" : relative[..slash];
            var entry = (await ListAsync(root, parent, cancellationToken)).FirstOrDefault(e =>
                string.Equals(e.Path, relative, StringComparison.Ordinal)
            );
            if (entry is null)
            {
                throw new TrackingException(
                    TrackingErrorCode.ResourceDoesNotExist,
                    $"Artifact '{relative}' does not exist under '{artifactUri}'."
                );
            }
            if (!entry.IsDirectory)
            {
                await DownloadFileAsync(root, relative, destination, cancellationToken);
                return destination;
            }
        }
        Directory.CreateDirectory(destination);
        await DownloadTreeAsync(root, children, destinationRoot, cancellationToken);
        return destination;
    }

    private async Task DownloadTreeAsync(
        string root,
        IReadOnlyList<ArtifactEntry> entries,
        string destinationRoot,
        CancellationToken cancellationToken
    )
    {
        foreach (var entry in entries)
        {
            var local = LocalArtifactPaths.Under(destinationRoot, entry.Path);
            if (entry.IsDirectory)
            {
                Directory.CreateDirectory(local);
                var children = await ListAsync(root, entry.Path, cancellationToken);
                await DownloadTreeAsync(root, children, destinationRoot, cancellationToken);
            }
            else
            {
                await DownloadFileAsync(root, entry.Path, local, cancellationToken);
            }
        }
    }

    private async Task UploadAsync(
        string root,
        string localFile,
        string target,
        CancellationToken cancellationToken
    )
    {
        await using var stream = new FileStream(
            localFile,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            bufferSize: 81_920,
            useAsync: true
        );
        // A seekable stream lets the retry handler send the body again.
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Put, FileUrl(root, target))
        {
            Content = content,
        };
        using var response = await _client.SendAsync(
            request,
            HttpCompletionOption.ResponseContentRead,
            cancellationToken
        );
    }

    private async Task DownloadFileAsync(
        string root,
        string relative,
        string destination,
        CancellationToken cancellationToken
    )
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = Path.Combine(
            Path.GetDirectoryName(destination)!,
            $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.mhi-partial"
        );
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, FileUrl(root, relative));
            using var response = await _client.SendAsync(
                request,
                HttpCompletionOption.ResponseHeadersRead,
                cancellationToken
            );
            await using (var output = new FileStream(partial, FileMode.CreateNew))
            {
                await response.Content.CopyToAsync(output, cancellationToken);
                await output.FlushAsync(cancellationToken);
            }
            File.Move(partial, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private async Task<IReadOnlyList<ArtifactEntry>> ListAsync(
        string root,
        string relative,
        CancellationToken cancellationToken
    )
    {
        var full = relative.Length == 0 ? root : root + "/" + relative;
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            ProxyPath + MlflowRestClient.QueryString([new("path", full)])
        );
        using var response = await _client.SendAsync(
            request,
            HttpCompletionOption.ResponseContentRead,
            cancellationToken
        );
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var answer =
            bytes.Length == 0
                ? new WireMessage()
                : System.Text.Json.JsonSerializer.Deserialize(
                    bytes,
                    MlflowJsonContext.Default.WireMessage
                ) ?? new WireMessage();
        // The proxy lists base names; the port wants paths relative to the run's root.
        return (answer.Files ?? [])
            .Where(f => !string.IsNullOrEmpty(f.Path))
            .Select(f =>
            {
                var name = f.Path!.Contains('/', StringComparison.Ordinal)
                    ? f.Path[(f.Path.LastIndexOf('/') + 1)..]
                    : f.Path;
                var isDirectory = f.IsDir ?? false;
                return new ArtifactEntry(
                    ArtifactPath.Combine(relative, ArtifactPath.NormalizeName(name)),
                    isDirectory,
                    isDirectory ? null : f.FileSize ?? 0
                );
            })
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static string FileUrl(string root, string relative) =>
        ProxyPath
        + "/"
        + string.Join('/', (root + "/" + relative).Split('/').Select(Uri.EscapeDataString));

    // The run's root relative to the proxy, e.g. "2/<run>/artifacts".
    private string ResolveRoot(string artifactUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(artifactUri);
        string rest;
        if (artifactUri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            rest = artifactUri[Scheme.Length..];
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                // mlflow-artifacts://host:port/<rel>: the host is this client's server.
                var slash = rest.IndexOf('/', 2);
                rest = slash < 0 ? "" : rest[slash..];
            }
        }
        else
        {
            var proxy = new Uri(_client.ServerUri, ProxyPath).AbsoluteUri;
            if (!artifactUri.StartsWith(proxy, StringComparison.OrdinalIgnoreCase))
            {
                throw new TrackingException(
                    TrackingErrorCode.InvalidParameterValue,
                    $"'{artifactUri}' is not served by the MLflow artifact proxy (expected mlflow-artifacts:/…); start the server with --serve-artifacts."
                );
            }
            rest = Uri.UnescapeDataString(artifactUri[proxy.Length..]);
        }
        var relative = rest.Trim('/');
        if (relative.Length == 0)
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                $"'{artifactUri}' names no run artifact root."
            );
        }
        return ArtifactPath.Normalize(relative);
    }
}
