namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>One non-empty bin of a <see cref="CalibrationCurve"/>.</summary>
/// <param name="Lower">Lower bin edge (the bin is (Lower, Upper], the first bin also includes Lower).</param>
/// <param name="Upper">Upper bin edge.</param>
/// <param name="MeanPredicted">Mean predicted probability of the rows in the bin (x of the reliability diagram).</param>
/// <param name="ObservedRate">Fraction of the rows in the bin that are positive (y of the reliability diagram).</param>
/// <param name="Count">Rows in the bin (at least 1).</param>
public readonly record struct CalibrationBin(
    double Lower,
    double Upper,
    double MeanPredicted,
    double ObservedRate,
    long Count
);
