namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>A test-set metric with its 95% bootstrap interval; null = undefined.</summary>
internal sealed record MetricInterval(double? Estimate, double? Lower, double? Upper);
