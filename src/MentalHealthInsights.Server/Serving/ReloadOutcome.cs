namespace MentalHealthInsights.Server.Serving;

/// <summary>What a reload did.</summary>
/// <param name="Succeeded">False when the new model failed: the previous one (if any) still serves.</param>
/// <param name="Changed">True when a different bundle (another SHA-256) now serves.</param>
/// <param name="PreviousVersion">The version served before, or null when none was.</param>
/// <param name="CurrentVersion">The version served now, or null when none is.</param>
/// <param name="Error">Why the reload failed; null on success.</param>
internal sealed record ReloadOutcome(
    bool Succeeded,
    bool Changed,
    string? PreviousVersion,
    string? CurrentVersion,
    string? Error
);
