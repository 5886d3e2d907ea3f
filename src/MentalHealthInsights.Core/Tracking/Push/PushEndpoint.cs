using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Registry;

namespace MentalHealthInsights.Core.Tracking.Push;

/// <summary>One end of a push: the three ports of a tracking location.</summary>
/// <param name="Tracking">Experiments, runs, params, metrics and tags.</param>
/// <param name="Artifacts">The files under each run's artifact URI.</param>
/// <param name="Registry">Registered models, versions and aliases.</param>
/// <param name="Uri">The location, for messages and the <c>mhi.source_tracking_uri</c> tag.</param>
public sealed record PushEndpoint(
    ITrackingStore Tracking,
    IArtifactStore Artifacts,
    IModelRegistry Registry,
    string Uri
);
