using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

public static partial class ModelBundleReader
{
    /// <summary>Loads the verified model file, checks its input width and trainer, and adds the calibrator.</summary>
    private static IBinaryModel LoadModel(VerifiedBundle bundle, ModelBundleReaderOptions options)
    {
        var file = bundle.Loader.FileName;
        IBinaryModel raw;
        try
        {
            using var stream = new MemoryStream(bundle.ModelBytes, writable: false);
            raw = bundle.Loader.Load(stream, bundle.Metadata.TrainerName, options);
        }
        catch (XGBoostUnavailableException e)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.DependencyUnavailable,
                file,
                "cannot be loaded: " + e.Message,
                e
            );
        }
        catch (Exception e) when (e is not OutOfMemoryException and not ModelBundleException)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.ModelUnreadable,
                file,
                $"not a readable {bundle.Loader.Format} model for trainer '{bundle.Metadata.TrainerName}': {e.Message}",
                e
            );
        }

        try
        {
            CheckModel(raw, bundle);
        }
        catch
        {
            raw.Dispose();
            throw;
        }

        return bundle.Calibrator is null ? raw : new CalibratedModel(raw, bundle.Calibrator);
    }

    private static void CheckModel(IBinaryModel raw, VerifiedBundle bundle)
    {
        var file = bundle.Loader.FileName;
        if (!string.Equals(raw.TrainerName, bundle.Metadata.TrainerName, StringComparison.Ordinal))
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.ModelUnreadable,
                file,
                $"holds a '{raw.TrainerName}' model but metadata.json says '{bundle.Metadata.TrainerName}'."
            );
        }

        // One prediction on a zero row proves the model takes exactly the preprocessor's width
        // (every model checks the row length), so a mismatch fails here, not on the first request.
        var width = bundle.Preprocessor.OutputWidth;
        try
        {
            _ = raw.Predict(new float[width]);
        }
        catch (Exception e) when (e is ArgumentException or XGBoostException)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.FeatureMismatch,
                file,
                $"the model does not take the {width} input columns preprocessor.json produces: {e.Message}",
                e
            );
        }
    }
}
