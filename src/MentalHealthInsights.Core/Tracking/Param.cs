namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// A run parameter. Immutable once logged: re-logging the same value is accepted, a different
/// value fails with <see cref="TrackingErrorCode.InvalidParameterValue"/>.
/// </summary>
/// <param name="Key">Name (≤ 250 characters).</param>
/// <param name="Value">Value as text, invariant culture (≤ 6000 characters).</param>
public sealed record Param(string Key, string Value);
