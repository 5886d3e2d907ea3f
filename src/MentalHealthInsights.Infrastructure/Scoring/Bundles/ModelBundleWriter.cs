using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Calibration;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// Writes a model bundle: the folder <c>&lt;name&gt;/</c> and its archive <c>&lt;name&gt;.mhib</c>
/// beside it (docs/model-bundle.md). Everything is written to hidden temporary siblings first and
/// then renamed into place, so a crash, an exception or a cancellation never leaves a half-written
/// bundle at the target: readers see the previous state or the complete new one.
/// </summary>
public static partial class ModelBundleWriter
{
    /// <summary>Writes the bundle of <paramref name="model"/> to <paramref name="folder"/> and <c>folder + ".mhib"</c>.</summary>
    /// <param name="folder">The bundle folder to create; its parent is created when missing.</param>
    /// <param name="metadata">
    /// The metadata; must validate and agree with the other arguments (model format and trainer,
    /// the preprocessor's features and target, the calibration method or null).
    /// </param>
    /// <param name="preprocessor">The fitted preprocessor the model was trained behind.</param>
    /// <param name="model">
    /// The model. A <see cref="CalibratedModel"/> is stored as its raw model plus its calibrator's
    /// parameters (calibration.json); any other model is stored as is.
    /// </param>
    /// <param name="calibrator">
    /// The calibrator on top of a raw <paramref name="model"/>, or null (default). Must be null or
    /// the same object when <paramref name="model"/> is already a <see cref="CalibratedModel"/>.
    /// Only <see cref="PlattCalibrator"/> and <see cref="IsotonicCalibrator"/> can be stored.
    /// </param>
    /// <param name="overwrite">
    /// Replace an existing bundle (default false: refuse). Even then, a non-empty folder without a
    /// manifest.json is never replaced: it is not a bundle and may hold someone's files.
    /// </param>
    /// <param name="cancellationToken">Checked between files; cancelling leaves nothing behind.</param>
    /// <returns>The full paths of the folder and the archive.</returns>
    /// <exception cref="ArgumentException">Invalid metadata, or metadata that disagrees with the model, preprocessor or calibrator.</exception>
    /// <exception cref="ModelBundleException">
    /// <see cref="ModelBundleErrorKind.AlreadyExists"/> (something is at the target) or
    /// <see cref="ModelBundleErrorKind.WriteFailed"/> (the file system refused).
    /// </exception>
    public static ModelBundleLocation Write(
        string folder,
        ModelBundleMetadata metadata,
        FittedPreprocessor preprocessor,
        IBinaryModel model,
        ICalibrator? calibrator = null,
        bool overwrite = false,
        CancellationToken cancellationToken = default
    ) =>
        Write(
            folder,
            metadata,
            preprocessor,
            model,
            calibrator,
            overwrite,
            afterStep: null,
            cancellationToken
        );

    /// <summary>As the public overload; <paramref name="afterStep"/> runs after each step (tests use it to fail mid-write).</summary>
    internal static ModelBundleLocation Write(
        string folder,
        ModelBundleMetadata metadata,
        FittedPreprocessor preprocessor,
        IBinaryModel model,
        ICalibrator? calibrator,
        bool overwrite,
        Action<string>? afterStep,
        CancellationToken cancellationToken
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentNullException.ThrowIfNull(model);

        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var name = Path.GetFileName(target);
        var parent = Path.GetDirectoryName(target);
        if (string.IsNullOrEmpty(name) || parent is null)
        {
            throw new ArgumentException(
                "The bundle folder cannot be a file-system root.",
                nameof(folder)
            );
        }

        var location = new ModelBundleLocation(target, target + ModelBundleLayout.ArchiveExtension);
        var (raw, storedCalibrator) = Unwrap(model, calibrator);
        var loader = CheckArguments(metadata, preprocessor, raw, storedCalibrator);
        try
        {
            CheckTarget(location, overwrite);
            var files = Contents(
                metadata,
                preprocessor,
                raw,
                storedCalibrator,
                loader,
                cancellationToken
            );
            WriteAndCommit(location, parent, name, files, overwrite, afterStep, cancellationToken);
            return location;
        }
        catch (ModelBundleException e) when (e.BundlePath is null)
        {
            throw new ModelBundleException(e.Kind, e.FileName, e.Problem, e.InnerException)
            {
                BundlePath = target,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.WriteFailed,
                null,
                $"cannot write the bundle: {e.Message}",
                e
            )
            {
                BundlePath = target,
            };
        }
    }

    private static (IBinaryModel Raw, ICalibrator? Calibrator) Unwrap(
        IBinaryModel model,
        ICalibrator? calibrator
    )
    {
        if (model is not CalibratedModel calibrated)
        {
            return (model, calibrator);
        }

        if (calibrator is not null && !ReferenceEquals(calibrator, calibrated.Calibrator))
        {
            throw new ArgumentException(
                "The model is already calibrated; pass no calibrator, or its own.",
                nameof(calibrator)
            );
        }

        if (calibrated.Raw is CalibratedModel)
        {
            throw new ArgumentException(
                "A model calibrated twice cannot be stored in a bundle.",
                nameof(model)
            );
        }

        return (calibrated.Raw, calibrated.Calibrator);
    }

    private static ModelFormatLoader CheckArguments(
        ModelBundleMetadata metadata,
        FittedPreprocessor preprocessor,
        IBinaryModel raw,
        ICalibrator? calibrator
    )
    {
        metadata.Validate();
        var problems = new List<string>();
        if (!string.Equals(metadata.ModelFormat, raw.Format, StringComparison.Ordinal))
        {
            problems.Add(
                $"modelFormat is '{metadata.ModelFormat}' but the model's format is '{raw.Format}'."
            );
        }

        if (!string.Equals(metadata.TrainerName, raw.TrainerName, StringComparison.Ordinal))
        {
            problems.Add(
                $"trainerName is '{metadata.TrainerName}' but the model's trainer is '{raw.TrainerName}'."
            );
        }

        if (
            !metadata.Features.SequenceEqual(preprocessor.Spec.Features, StringComparer.Ordinal)
            || !string.Equals(metadata.Target, preprocessor.Spec.Target, StringComparison.Ordinal)
        )
        {
            problems.Add("features/target differ from the preprocessor's spec.");
        }

        if (metadata.Calibration != calibrator?.Method)
        {
            problems.Add(
                $"calibration is '{metadata.Calibration?.ToString() ?? "null"}' but the calibrator is '{calibrator?.Method.ToString() ?? "null"}'."
            );
        }

        var loader = ModelFormatRegistry.Find(raw.Format);
        if (loader is null || !loader.Trainers.Contains(raw.TrainerName, StringComparer.Ordinal))
        {
            problems.Add(
                $"a '{raw.TrainerName}' model in format '{raw.Format}' has no bundle loader (known formats: {string.Join(", ", ModelFormatRegistry.Formats)})."
            );
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The bundle's parts disagree: " + string.Join(" ", problems),
                nameof(metadata)
            );
        }

        try
        {
            _ = raw.Predict(new float[preprocessor.OutputWidth]);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"The model does not take the preprocessor's {preprocessor.OutputWidth} output columns: {e.Message}",
                nameof(raw),
                e
            );
        }

        return loader!;
    }
}
