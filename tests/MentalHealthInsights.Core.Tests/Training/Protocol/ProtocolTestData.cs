using System.Text.Json;
using System.Text.Json.Serialization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

/// <summary>Data and options shared by the protocol tests (small, so the suite stays fast).</summary>
internal static class ProtocolTestData
{
    /// <summary>Fast options: 3 folds, ≤ 3 configurations, 200 resamples.</summary>
    public static TrainingOptions FastOptions { get; } =
        new()
        {
            Folds = 3,
            SearchBudget = 3,
            BootstrapResamples = 200,
            PermutationRepeats = 3,
        };

    public static MentalHealthRecord[] Generate(int rows, SignalKind signal, int seed = 7) =>
        [
            .. SyntheticDataGenerator.Generate(
                new SyntheticDataOptions
                {
                    Rows = rows,
                    Seed = seed,
                    Signal = signal,
                }
            ),
        ];

    /// <summary>Stress_Level = High exactly when the person has the condition, Low otherwise.</summary>
    public static MentalHealthRecord[] WithTargetCopiedIntoStress(MentalHealthRecord[] records) =>
        [.. records.Select(r => r with { StressLevel = r.HasCondition ? "High" : "Low" })];

    /// <summary>The report as JSON (NaN allowed), to compare two runs number by number.</summary>
    public static string Json(TrainingReport report) =>
        JsonSerializer.Serialize(report, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
