namespace MentalHealthInsights.Core.Registry;

/// <summary>Who moves an alias and why, recorded in the alias history.</summary>
/// <param name="ChangedBy">The actor; null → the registry's configured user.</param>
/// <param name="Reason">Why (e.g. "beats champion by 0.021 ROC AUC", "rollback", "forced"); null for none.</param>
public sealed record AliasChangeNote(string? ChangedBy = null, string? Reason = null);
