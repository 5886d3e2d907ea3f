namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// The names inside a model bundle (docs/model-bundle.md). A bundle is a flat folder
/// <c>&lt;name&gt;/</c> with <see cref="MetadataFile"/>, <see cref="PreprocessorFile"/>, one model
/// file named by its format (<see cref="ModelFileName"/>), <see cref="CalibrationFile"/> when the
/// model is calibrated, and <see cref="ManifestFile"/> over all of them; plus the same entries in
/// one archive <c>&lt;name&gt;.mhib</c> beside it.
/// </summary>
public static class ModelBundleLayout
{
    /// <summary>The manifest: schema version and (path, SHA-256, bytes) of every other file.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>The metadata (<see cref="Core.Scoring.Bundles.ModelBundleMetadata"/>).</summary>
    public const string MetadataFile = "metadata.json";

    /// <summary>The fitted preprocessor (<see cref="Core.Features.FittedPreprocessor.ToJson"/>).</summary>
    public const string PreprocessorFile = "preprocessor.json";

    /// <summary>The calibrator's method and parameters; present only when the model is calibrated.</summary>
    public const string CalibrationFile = "calibration.json";

    /// <summary>The extension of the single-file archive of a bundle folder.</summary>
    public const string ArchiveExtension = ".mhib";

    /// <summary>The manifest schema version this code writes and reads.</summary>
    public const int ManifestSchemaVersion = 1;

    /// <summary>The model formats a bundle may hold, sorted: "baseline-json", "mlnet-zip", "xgboost-json".</summary>
    public static IReadOnlyList<string> KnownModelFormats => ModelFormatRegistry.Formats;

    /// <summary>
    /// The model file's name for <paramref name="format"/>: "model.json" (xgboost-json),
    /// "model.zip" (mlnet-zip), "model.baseline.json" (baseline-json).
    /// </summary>
    /// <exception cref="ArgumentException">The format is not one of <see cref="KnownModelFormats"/>.</exception>
    public static string ModelFileName(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return ModelFormatRegistry.Find(format)?.FileName
            ?? throw new ArgumentException(
                $"Model format '{format}' is not known; known formats: {string.Join(", ", KnownModelFormats)}.",
                nameof(format)
            );
    }

    /// <summary>The archive path of a bundle folder: the folder's path with <see cref="ArchiveExtension"/> appended.</summary>
    public static string ArchivePathFor(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + ArchiveExtension;
    }
}
