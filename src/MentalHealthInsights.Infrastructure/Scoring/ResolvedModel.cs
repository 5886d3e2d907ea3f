using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Scoring;

/// <summary>A loaded, verified bundle and, when it came from the registry, its version.</summary>
/// <param name="Bundle">The bundle (dispose it when done).</param>
/// <param name="Version">The registry version, or null for a bundle path.</param>
public sealed record ResolvedModel(LoadedModelBundle Bundle, ModelVersion? Version);
