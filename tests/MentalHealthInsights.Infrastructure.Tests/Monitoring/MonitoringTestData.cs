using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring;

/// <summary>Snapshots for daily windows starting 2025-03-01 (UTC).</summary>
internal static class MonitoringTestData
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static MonitoringSnapshot Day(
        int day,
        double f1Drop = 0.0,
        double datasetDrift = 0,
        double fairnessGap = 0.02,
        string? runId = null
    ) =>
        new(
            runId ?? $"run-{day:D3}",
            Start.AddDays(day - 1),
            Start.AddDays(day),
            Start.AddDays(day).AddMinutes(5),
            new Dictionary<string, double>
            {
                ["f1_drop"] = f1Drop,
                ["f1"] = 0.8 - f1Drop,
                ["f1_reference"] = 0.8,
                ["f1_is_estimated"] = 1,
                ["dataset_drift"] = datasetDrift,
                ["drift_share"] = datasetDrift > 0 ? 0.6 : 0.1,
                ["prediction_drift"] = 0,
                ["fairness_gap"] = fairnessGap,
                ["rows_current"] = 1000,
                ["target_drift"] = double.NaN,
            },
            new Dictionary<string, string> { ["Sleep_Hours"] = datasetDrift > 0 ? "drift" : "ok" },
            $"/reports/day-{day:D3}/monitoring-report.html",
            "mental-health-classifier/1"
        );
}
