using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// A verified, loaded model bundle: everything needed to score a record
/// (<c>Model.Predict(Preprocessor.Transform(record))</c>, then compare with
/// <see cref="ModelBundleMetadata.Threshold"/>). Thread-safe for prediction. Owns
/// <see cref="Model"/> and disposes it.
/// </summary>
public sealed class LoadedModelBundle : IDisposable
{
    internal LoadedModelBundle(
        ModelBundleMetadata metadata,
        FittedPreprocessor preprocessor,
        IBinaryModel model,
        ModelBundleLocation location,
        string sha256
    )
    {
        Metadata = metadata;
        Preprocessor = preprocessor;
        Model = model;
        Location = location;
        Sha256 = sha256;
    }

    /// <summary>The bundle's metadata (validated).</summary>
    public ModelBundleMetadata Metadata { get; }

    /// <summary>The fitted preprocessor; its features equal <see cref="ModelBundleMetadata.Features"/>.</summary>
    public FittedPreprocessor Preprocessor { get; }

    /// <summary>
    /// The model, ready to score preprocessed rows: a <see cref="Core.Training.Calibration.CalibratedModel"/>
    /// when the bundle has calibration.json, otherwise the raw model.
    /// </summary>
    public IBinaryModel Model { get; }

    /// <summary>The folder or archive the bundle was loaded from.</summary>
    public ModelBundleLocation Location { get; }

    /// <summary>
    /// The bundle's identity: SHA-256 (lowercase hex) of its manifest.json, which lists the
    /// SHA-256 of every other file. Equal for a folder and its archive; use it in logs and the registry.
    /// </summary>
    public string Sha256 { get; }

    /// <summary>Releases the model (the XGBoost booster's native memory).</summary>
    public void Dispose() => Model.Dispose();
}
