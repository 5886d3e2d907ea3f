using System.Text.Json;
using System.Text.Json.Serialization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Baseline;
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

    /// <summary>
    /// <see cref="FastOptions"/> with five configurations searched by successive halving: with
    /// three folds, rung 0 puts all five on fold 0 and the best two (⌈5 / 3⌉) go on to folds 1
    /// and 2.
    /// </summary>
    public static TrainingOptions HalvingOptions { get; } =
        FastOptions with
        {
            SearchBudget = 5,
            SearchStrategy = SearchStrategy.Halving,
        };

    /// <summary>A protocol of the majority baseline and <paramref name="trainer"/>, on a fixed clock.</summary>
    public static TrainingProtocol WithBaseline(IBinaryTrainer trainer) =>
        new([new MajorityBaselineTrainer(), trainer], FixedTimeProvider.Default);

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
