using MentalHealthInsights.Core.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// Loads a model bundle from its folder or its <c>.mhib</c> archive, verifying it completely
/// before any model code sees a byte (docs/model-bundle.md, "Verification"): the manifest, every
/// file's size and SHA-256, no unlisted files, the metadata, the preprocessor and its agreement
/// with the metadata, the model format and the calibration. Every failure is a
/// <see cref="ModelBundleException"/> whose message names the file and what is wrong.
/// </summary>
public static partial class ModelBundleReader
{
    /// <summary>Verifies and loads the bundle at <paramref name="path"/> (a bundle folder or a bundle archive).</summary>
    /// <param name="path">A bundle folder, or a bundle archive file (any name; <c>.mhib</c> by convention).</param>
    /// <param name="options">Limits and choices; default <see cref="ModelBundleReaderOptions.Default"/>.</param>
    /// <returns>The loaded bundle; dispose it to release the model.</returns>
    /// <exception cref="ModelBundleException">The bundle is missing, damaged, tampered with, inconsistent or unreadable; <see cref="ModelBundleException.BundlePath"/> is set.</exception>
    public static LoadedModelBundle Load(string path, ModelBundleReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= ModelBundleReaderOptions.Default;
        options.Validate();
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        try
        {
            ModelBundleLocation location;
            BundleFiles files;
            if (Directory.Exists(full))
            {
                location = new ModelBundleLocation(full, null);
                files = BundleFolder.Read(full, options);
            }
            else if (File.Exists(full))
            {
                location = new ModelBundleLocation(null, full);
                files = BundleArchive.Read(full, options);
            }
            else
            {
                throw new ModelBundleException(
                    ModelBundleErrorKind.NotFound,
                    null,
                    "no bundle folder or bundle archive exists at this path."
                );
            }

            var verified = Verify(files, options);
            var model = LoadModel(verified, options);
            return new LoadedModelBundle(
                verified.Metadata,
                verified.Preprocessor,
                model,
                location,
                verified.Sha256
            );
        }
        catch (ModelBundleException e) when (e.BundlePath is null)
        {
            throw new ModelBundleException(e.Kind, e.FileName, e.Problem, e.InnerException)
            {
                BundlePath = full,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.ReadFailed,
                null,
                $"cannot read the bundle: {e.Message}",
                e
            )
            {
                BundlePath = full,
            };
        }
    }
}
