using System.Security.Cryptography;
using System.Text;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Scoring;

/// <summary>
/// Fetches a model bundle kept in S3 (<c>s3://bucket/key.mhib</c>, or a bundle folder
/// <c>s3://bucket/prefix</c>) into a local cache folder, streaming, so the usual verified
/// <see cref="Bundles.ModelBundleReader"/> load applies unchanged (manifest checked after the
/// download, never trusted from the transfer).
/// </summary>
public static class S3BundleDownloader
{
    /// <summary>Downloads the bundle and returns the local path to load (a .mhib file or a folder).</summary>
    /// <exception cref="FileNotFoundException">No object (or no object under the prefix) exists.</exception>
    public static async Task<string> DownloadAsync(
        string reference,
        string cacheDirectory,
        S3Connection? s3 = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var source = StorageLocation.Parse(reference, s3);
        var name = reference.TrimEnd('/').Split('/')[^1];
        // One folder per reference, replaced on each load (as registry downloads are), so
        // repeated loads — a server's reloads — do not pile up copies in the cache.
        var destination = Path.Combine(
            cacheDirectory,
            "s3-"
                + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference)))[..16]
        );
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }
        if (name.EndsWith(".mhib", StringComparison.OrdinalIgnoreCase))
        {
            var file = Path.Combine(destination, name);
            await StorageTransfer.DownloadAsync(source, file, cancellationToken);
            return file;
        }

        var folder = Path.Combine(destination, name);
        var files = 0;
        await foreach (var item in source.ListAsync(cancellationToken))
        {
            var local = Path.Combine(
                folder,
                item.RelativePath.Replace('/', Path.DirectorySeparatorChar)
            );
            await StorageTransfer.DownloadAsync(item.Location, local, cancellationToken);
            files++;
        }
        if (files == 0)
        {
            throw new FileNotFoundException(
                $"No model bundle at {reference}: expected a .mhib object or a bundle folder (prefix) with files."
            );
        }
        return folder;
    }
}
