namespace MentalHealthInsights.Core.Eda;

/// <summary>A count with its label (a column name, a reason code or a category level).</summary>
/// <param name="Name">The label.</param>
/// <param name="Count">How many.</param>
public sealed record NamedCount(string Name, long Count);
