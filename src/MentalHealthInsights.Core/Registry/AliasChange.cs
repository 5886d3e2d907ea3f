namespace MentalHealthInsights.Core.Registry;

/// <summary>One entry of a model's alias audit history.</summary>
/// <param name="Sequence">Increasing position in the registry's history (orders changes made in the same millisecond).</param>
/// <param name="ModelName">The registered model.</param>
/// <param name="Alias">The alias, e.g. <c>champion</c>.</param>
/// <param name="FromVersion">The version the alias pointed at before; null when it was unset.</param>
/// <param name="ToVersion">The version it points at after; null when the alias was deleted.</param>
/// <param name="ChangedBy">Who made the change.</param>
/// <param name="ChangedAtMs">When, milliseconds since the Unix epoch.</param>
/// <param name="Reason">Why; null when not given.</param>
public sealed record AliasChange(
    long Sequence,
    string ModelName,
    string Alias,
    int? FromVersion,
    int? ToVersion,
    string ChangedBy,
    long ChangedAtMs,
    string? Reason
);
