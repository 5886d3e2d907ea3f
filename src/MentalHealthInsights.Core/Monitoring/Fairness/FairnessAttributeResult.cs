namespace MentalHealthInsights.Core.Monitoring.Fairness;

/// <summary>
/// Group metrics and Fairlearn's between-group aggregates for one sensitive attribute (spec §3.3–3.4),
/// over the groups that are not small. Differences are max − min; ratios min / max and NaN when
/// the max is 0 (Fairlearn 0.10 raises there). Equalized odds takes the worse of TPR and FPR
/// (difference: max; ratio: min); a NaN component makes the aggregate NaN. All aggregates are NaN
/// with fewer than two comparable groups; the equalized-odds ones are NaN without outcomes.
/// </summary>
/// <param name="Attribute">Attribute name.</param>
/// <param name="Groups">Every observed group, small ones included (flagged).</param>
/// <param name="DemographicParityDifference">Difference of selection rates.</param>
/// <param name="DemographicParityRatio">Ratio of selection rates.</param>
/// <param name="EqualizedOddsDifference">max(difference TPR, difference FPR).</param>
/// <param name="EqualizedOddsRatio">min(ratio TPR, ratio FPR).</param>
public sealed record FairnessAttributeResult(
    string Attribute,
    IReadOnlyList<FairnessGroup> Groups,
    double DemographicParityDifference,
    double DemographicParityRatio,
    double EqualizedOddsDifference,
    double EqualizedOddsRatio
)
{
    /// <summary>The larger of the demographic parity and equalized odds differences, ignoring NaN; NaN when both are.</summary>
    public double Gap =>
        double.IsNaN(DemographicParityDifference) ? EqualizedOddsDifference
        : double.IsNaN(EqualizedOddsDifference) ? DemographicParityDifference
        : Math.Max(DemographicParityDifference, EqualizedOddsDifference);
}
