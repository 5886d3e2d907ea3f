namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>A cross-validation metric: mean ± standard deviation over folds; null = undefined.</summary>
internal sealed record CvMetric(double? Mean, double? StandardDeviation, int Folds);
