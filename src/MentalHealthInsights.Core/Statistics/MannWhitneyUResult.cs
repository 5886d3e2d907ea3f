namespace MentalHealthInsights.Core.Statistics;

/// <summary>
/// The result of a two-sided Mann–Whitney U test of sample x against sample y.
/// <see cref="Statistic"/> is U1, the U statistic of x, as <c>scipy.stats.mannwhitneyu</c> returns it.
/// Every value is NaN when either sample is empty after dropping NaN values.
/// </summary>
/// <param name="Statistic">U1 = R1 − n1(n1+1)/2, where R1 is the sum of the mid-ranks of x in the pooled sample.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Method">Whether the exact distribution or the normal approximation gave the p-value.</param>
/// <param name="N1">Values of x used (NaN values excluded).</param>
/// <param name="N2">Values of y used (NaN values excluded).</param>
/// <param name="Missing1">NaN values dropped from x.</param>
/// <param name="Missing2">NaN values dropped from y.</param>
public sealed record MannWhitneyUResult(
    double Statistic,
    double PValue,
    MannWhitneyUMethod Method,
    int N1,
    int N2,
    int Missing1,
    int Missing2
)
{
    /// <summary>
    /// U1 / (n1·n2): the probability that a random value of x exceeds a random value of y,
    /// ties counting one half (the area under the ROC curve of x versus y). 0.5 means no shift.
    /// </summary>
    public double Auc => N1 > 0 && N2 > 0 ? Statistic / ((double)N1 * N2) : double.NaN;

    /// <summary>
    /// Rank-biserial correlation 2·AUC − 1 = (U1 − U2)/(n1·n2), in [−1, 1]; positive when x tends
    /// to be larger than y.
    /// </summary>
    public double RankBiserial => (2.0 * Auc) - 1.0;
}
