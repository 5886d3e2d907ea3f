using System.Globalization;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training.Calibration;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

public static partial class ModelBundleReader
{
    /// <summary>Every check that needs no model code, in the documented order.</summary>
    private static VerifiedBundle Verify(BundleFiles files, ModelBundleReaderOptions options)
    {
        // 1. The manifest: present, well-formed, a supported schema, consistent with itself.
        if (!files.Files.TryGetValue(ModelBundleLayout.ManifestFile, out var manifestBytes))
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.ManifestMissing,
                ModelBundleLayout.ManifestFile,
                "missing; this is not a model bundle, or an incomplete one."
            );
        }

        var manifest = BundleManifest.Parse(manifestBytes);
        var sha256 = BundleManifest.Sha256Hex(manifestBytes);
        if (
            options.ExpectedSha256 is { } expected
            && !string.Equals(expected, sha256, StringComparison.OrdinalIgnoreCase)
        )
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.IdentityMismatch,
                ModelBundleLayout.ManifestFile,
                $"the bundle's SHA-256 is {sha256} but {expected} was expected (this is not the bundle that was registered)."
            );
        }

        // 2. Every listed file: present, same size, same SHA-256.
        foreach (var entry in manifest)
        {
            CheckFile(files, entry);
        }

        // 3. Nothing else.
        var listed = manifest.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        if (files.Nested.Count > 0)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.UnlistedFile,
                files.Nested[0],
                "a subfolder or nested file; a bundle is a flat set of files (was something added?)."
            );
        }

        foreach (var name in files.Files.Keys.Order(StringComparer.Ordinal))
        {
            if (name != ModelBundleLayout.ManifestFile && !listed.Contains(name))
            {
                throw new ModelBundleException(
                    ModelBundleErrorKind.UnlistedFile,
                    name,
                    "not listed in the manifest; a bundle contains only the files its manifest lists (was a file added or renamed?)."
                );
            }
        }

        // 4. The metadata, then which files it implies.
        var metadata = MetadataJson.Parse(Required(files, listed, ModelBundleLayout.MetadataFile));
        var loader =
            ModelFormatRegistry.Find(metadata.ModelFormat)
            ?? throw new ModelBundleException(
                ModelBundleErrorKind.UnknownFormat,
                ModelBundleLayout.MetadataFile,
                $"modelFormat '{metadata.ModelFormat}' is not a known model format (known: {string.Join(", ", ModelFormatRegistry.Formats)})."
            );
        if (!loader.Trainers.Contains(metadata.TrainerName, StringComparer.Ordinal))
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.UnknownFormat,
                ModelBundleLayout.MetadataFile,
                $"trainerName '{metadata.TrainerName}' has no loader for {loader.Format} models (known: {string.Join(", ", loader.Trainers)})."
            );
        }

        var expectedFiles = new HashSet<string>(StringComparer.Ordinal)
        {
            ModelBundleLayout.MetadataFile,
            ModelBundleLayout.PreprocessorFile,
            loader.FileName,
        };
        if (metadata.Calibration is not null)
        {
            expectedFiles.Add(ModelBundleLayout.CalibrationFile);
        }

        foreach (var entry in manifest)
        {
            if (!expectedFiles.Contains(entry.Path))
            {
                throw entry.Path == ModelBundleLayout.CalibrationFile
                    ? new ModelBundleException(
                        ModelBundleErrorKind.CalibrationInvalid,
                        entry.Path,
                        "present, but metadata.json says the model is not calibrated."
                    )
                    : new ModelBundleException(
                        ModelBundleErrorKind.UnlistedFile,
                        entry.Path,
                        $"not part of a {loader.Format} bundle (expected: {string.Join(", ", expectedFiles.Order(StringComparer.Ordinal))})."
                    );
            }
        }

        // 5. The preprocessor, and its agreement with the metadata.
        var preprocessor = ReadPreprocessor(
            Required(files, listed, ModelBundleLayout.PreprocessorFile)
        );
        CheckFeatures(preprocessor, metadata);

        // 6. The calibration, when the metadata says there is one.
        ICalibrator? calibrator = null;
        if (metadata.Calibration is { } method)
        {
            if (!listed.Contains(ModelBundleLayout.CalibrationFile))
            {
                throw new ModelBundleException(
                    ModelBundleErrorKind.FileMissing,
                    ModelBundleLayout.CalibrationFile,
                    $"missing; metadata.json says the model is calibrated ({CalibrationJson.Name(method)})."
                );
            }

            calibrator = CalibrationJson.Parse(
                files.Files[ModelBundleLayout.CalibrationFile],
                method
            );
        }

        if (!listed.Contains(loader.FileName))
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.FileMissing,
                loader.FileName,
                $"missing; metadata.json says the model format is {loader.Format}."
            );
        }

        return new VerifiedBundle(
            sha256,
            metadata,
            preprocessor,
            loader,
            files.Files[loader.FileName],
            calibrator
        );
    }

    private static void CheckFile(BundleFiles files, ManifestEntry entry)
    {
        if (!files.Files.TryGetValue(entry.Path, out var bytes))
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.FileMissing,
                entry.Path,
                "missing (the manifest lists it)."
            );
        }

        if (bytes.LongLength != entry.Bytes)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.SizeMismatch,
                entry.Path,
                $"{Text(bytes.LongLength)} bytes, but the manifest says {Text(entry.Bytes)} (the file was truncated or changed)."
            );
        }

        if (!string.Equals(BundleManifest.Sha256Hex(bytes), entry.Sha256, StringComparison.Ordinal))
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.HashMismatch,
                entry.Path,
                "SHA-256 does not match the manifest (the file was changed or damaged)."
            );
        }
    }

    private static byte[] Required(BundleFiles files, HashSet<string> listed, string name) =>
        listed.Contains(name)
            ? files.Files[name]
            : throw new ModelBundleException(
                ModelBundleErrorKind.FileMissing,
                name,
                "missing; every bundle has one (the manifest does not list it)."
            );

    private static FittedPreprocessor ReadPreprocessor(byte[] json)
    {
        try
        {
            return FittedPreprocessor.FromJson(json);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.PreprocessorInvalid,
                ModelBundleLayout.PreprocessorFile,
                e.Message,
                e
            );
        }
    }

    private static void CheckFeatures(FittedPreprocessor preprocessor, ModelBundleMetadata metadata)
    {
        if (!preprocessor.Spec.Features.SequenceEqual(metadata.Features, StringComparer.Ordinal))
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.FeatureMismatch,
                ModelBundleLayout.PreprocessorFile,
                $"its features ({string.Join(", ", preprocessor.Spec.Features)}) do not match metadata.json's ({string.Join(", ", metadata.Features)})."
            );
        }

        if (!string.Equals(preprocessor.Spec.Target, metadata.Target, StringComparison.Ordinal))
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.FeatureMismatch,
                ModelBundleLayout.PreprocessorFile,
                $"its target ({preprocessor.Spec.Target}) does not match metadata.json's ({metadata.Target})."
            );
        }
    }

    private static string Text(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
