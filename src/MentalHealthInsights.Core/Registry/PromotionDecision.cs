namespace MentalHealthInsights.Core.Registry;

/// <summary>Whether a new model version becomes the champion, and why (recorded on the version).</summary>
/// <param name="Promote">True when the version becomes <c>champion</c>.</param>
/// <param name="Reason">A plain sentence built from the numbers.</param>
public sealed record PromotionDecision(bool Promote, string Reason);
