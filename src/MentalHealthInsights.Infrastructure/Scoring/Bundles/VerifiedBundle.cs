using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training.Calibration;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>A bundle whose files passed every check; only the model remains to be loaded.</summary>
internal sealed record VerifiedBundle(
    string Sha256,
    ModelBundleMetadata Metadata,
    FittedPreprocessor Preprocessor,
    ModelFormatLoader Loader,
    byte[] ModelBytes,
    ICalibrator? Calibrator
);
