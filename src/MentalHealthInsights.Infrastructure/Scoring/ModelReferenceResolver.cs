using System.Globalization;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Storage;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Scoring;

/// <summary>
/// Resolves what batch scoring and serving are told to load — <c>models:/NAME@ALIAS</c>,
/// <c>models:/NAME/VERSION</c> (MLflow's model URIs), a bundle path (folder or .mhib) or a
/// bundle in S3 (<c>s3://bucket/key.mhib</c> or a bundle folder prefix) — to a
/// verified, loaded model bundle. Registry references download the version's bundle from its
/// run's artifacts into <c>cacheDirectory</c> first; the manifest is always verified.
/// </summary>
/// <param name="backend">The tracking backend holding the registry and the artifacts.</param>
public sealed class ModelReferenceResolver(TrackingBackend backend)
{
    /// <summary>MLflow's scheme for registered-model URIs.</summary>
    public const string Scheme = "models:/";

    /// <summary>Loads the bundle <paramref name="reference"/> names.</summary>
    /// <exception cref="ModelBundleException">The bundle is missing, damaged or inconsistent.</exception>
    /// <exception cref="TrackingException">The registry does not know the model, version or alias.</exception>
    public async Task<ResolvedModel> ResolveAsync(
        string reference,
        string cacheDirectory,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (StorageLocation.IsS3(reference))
        {
            var local = await S3BundleDownloader.DownloadAsync(
                reference,
                cacheDirectory,
                cancellationToken: cancellationToken
            );
            return new ResolvedModel(ModelBundleReader.Load(local), null);
        }
        if (!reference.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return new ResolvedModel(ModelBundleReader.Load(reference), null);
        }
        var parsed =
            ModelReference.TryParse(reference[Scheme.Length..])
            ?? throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                $"'{reference}' must be {Scheme}NAME@ALIAS or {Scheme}NAME/VERSION."
            );
        var version = await parsed.FindAsync(backend.Registry, cancellationToken);
        if (version.RunId is null)
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                $"{reference} (version {version.Version}) has no source run to load its bundle from."
            );
        }
        var run = await backend.Tracking.GetRunAsync(version.RunId, cancellationToken);
        var root = run.Info.ArtifactUri.TrimEnd('/');
        var source = version.Source.TrimEnd('/');
        var relative = source.StartsWith(root + "/", StringComparison.Ordinal)
            ? source[(root.Length + 1)..]
            : "model";
        var destination = Path.Combine(
            cacheDirectory,
            $"{version.Name}-v{version.Version.ToString(CultureInfo.InvariantCulture)}-{version.RunId}"
        );
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }
        var folder = await backend.Artifacts.DownloadArtifactsAsync(
            run.Info.ArtifactUri,
            relative,
            destination,
            cancellationToken
        );
        return new ResolvedModel(ModelBundleReader.Load(folder), version);
    }
}
