using System.Text.Json;
using System.Text.Json.Serialization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.Protocol;

/// <summary>Data, options and the protocol (baseline + the real XGBoost) for the integration tests.</summary>
internal static class XGBoostProtocolTestData
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Small on purpose: 3 folds, ≤ 3 configurations, 200 resamples.</summary>
    public static TrainingOptions FastOptions { get; } =
        new()
        {
            Folds = 3,
            SearchBudget = 3,
            BootstrapResamples = 200,
            PermutationRepeats = 3,
        };

    public static TrainingProtocol Protocol() =>
        new([new MajorityBaselineTrainer(), new XGBoostTrainer()], new StoppedClock());

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

    public static string Json(TrainingReport report) =>
        JsonSerializer.Serialize(report, JsonOptions);

    private sealed class StoppedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    }
}
