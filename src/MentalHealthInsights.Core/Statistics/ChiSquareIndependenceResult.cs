namespace MentalHealthInsights.Core.Statistics;

/// <summary>
/// The result of a chi-square test of independence on a contingency table. Rows and columns
/// whose total is zero are dropped before testing; <see cref="Rows"/> and <see cref="Columns"/>
/// count what remains. Statistic and p-value are NaN when the table holds no observations.
/// </summary>
/// <param name="Statistic">Pearson's chi-square, Yates-corrected when <see cref="YatesCorrectionApplied"/>.</param>
/// <param name="UncorrectedStatistic">Pearson's chi-square without any continuity correction (the input of Cramér's V).</param>
/// <param name="DegreesOfFreedom">(rows − 1)·(columns − 1) of the reduced table.</param>
/// <param name="PValue">Upper-tail probability of <see cref="Statistic"/> under chi-square with <see cref="DegreesOfFreedom"/>.</param>
/// <param name="N">Total count in the table.</param>
/// <param name="Rows">Non-empty rows.</param>
/// <param name="Columns">Non-empty columns.</param>
/// <param name="YatesCorrectionApplied">True when the correction was requested and the degrees of freedom equal 1.</param>
public sealed record ChiSquareIndependenceResult(
    double Statistic,
    double UncorrectedStatistic,
    int DegreesOfFreedom,
    double PValue,
    long N,
    int Rows,
    int Columns,
    bool YatesCorrectionApplied
);
