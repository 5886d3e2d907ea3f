namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>What the output says about the model, and what a checkpoint checks before resuming.</summary>
/// <param name="Name">The model's name (registered name, or the bundle's model name).</param>
/// <param name="Version">The registry version number as text, or "bundle" for a bundle path.</param>
/// <param name="BundleSha256">The bundle's identity (SHA-256 of its manifest).</param>
/// <param name="Threshold">The decision threshold.</param>
public sealed record BatchModelIdentity(
    string Name,
    string Version,
    string BundleSha256,
    double Threshold
);
