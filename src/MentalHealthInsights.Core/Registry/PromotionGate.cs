using System.Globalization;

namespace MentalHealthInsights.Core.Registry;

/// <summary>
/// The rule for alias <c>champion</c>: a new version is promoted when its training run is
/// promotable (it beats the baseline significantly) AND it is not worse than the current
/// champion on the same held-out data by more than <see cref="Margin"/> ROC AUC. Otherwise it
/// stays <c>challenger</c> with the reason. <c>--force</c> overrides and is recorded.
/// </summary>
/// <param name="Margin">Largest accepted ROC AUC loss against the champion. Default 0.01.</param>
public sealed record PromotionGate(double Margin = 0.01)
{
    /// <summary>The alias of the serving model.</summary>
    public const string ChampionAlias = "champion";

    /// <summary>The alias of the newest registered candidate.</summary>
    public const string ChallengerAlias = "challenger";

    /// <summary>Decides for a candidate.</summary>
    /// <param name="promotable">The training run's verdict against the baseline.</param>
    /// <param name="promotableReason">Why it is or is not promotable.</param>
    /// <param name="candidateAuc">The candidate's ROC AUC on this training's held-out rows.</param>
    /// <param name="championAuc">The current champion's ROC AUC on the same rows; null when there is no champion.</param>
    /// <param name="force">Promote whatever the rule says (the reason says it was forced).</param>
    public PromotionDecision Decide(
        bool promotable,
        string promotableReason,
        double candidateAuc,
        double? championAuc,
        bool force = false
    )
    {
        var culture = CultureInfo.InvariantCulture;
        if (force)
        {
            return new PromotionDecision(true, "Promoted by force (--force), bypassing the gate.");
        }
        if (!promotable)
        {
            return new PromotionDecision(
                false,
                promotableReason.StartsWith("Not promotable", StringComparison.Ordinal)
                    ? promotableReason
                    : $"Not promotable: {promotableReason}"
            );
        }
        if (championAuc is not { } champion)
        {
            return new PromotionDecision(
                true,
                string.Create(
                    culture,
                    $"Promotable and there is no champion yet (held-out ROC AUC {candidateAuc:0.000})."
                )
            );
        }
        if (double.IsNaN(candidateAuc) || candidateAuc < champion - Margin)
        {
            return new PromotionDecision(
                false,
                string.Create(
                    culture,
                    $"Worse than the champion on the same held-out rows: ROC AUC {candidateAuc:0.000} vs {champion:0.000} (allowed loss {Margin:0.000})."
                )
            );
        }
        return new PromotionDecision(
            true,
            string.Create(
                culture,
                $"Promotable and not worse than the champion on the same held-out rows: ROC AUC {candidateAuc:0.000} vs {champion:0.000} (allowed loss {Margin:0.000})."
            )
        );
    }
}
