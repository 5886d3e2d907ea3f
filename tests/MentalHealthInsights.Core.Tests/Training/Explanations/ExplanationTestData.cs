using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Core.Tests.Training.Explanations;

internal static class ExplanationTestData
{
    public static MentalHealthRecord[] Records(
        int rows = 400,
        SignalKind signal = SignalKind.Planted
    ) =>
        [
            .. SyntheticDataGenerator.Generate(
                new SyntheticDataOptions
                {
                    Rows = rows,
                    Seed = 5,
                    Signal = signal,
                }
            ),
        ];

    public static FeatureMatrix Matrix(
        FittedPreprocessor preprocessor,
        IReadOnlyList<MentalHealthRecord> records
    ) =>
        new(
            preprocessor.TransformBatch(records),
            [.. records.Select(r => r.HasCondition)],
            preprocessor.OutputNames
        );

    /// <summary>Weights that are zero except the named slots.</summary>
    public static double[] Weights(
        FittedPreprocessor preprocessor,
        params (string Slot, double Weight)[] slots
    )
    {
        var weights = new double[preprocessor.OutputWidth];
        foreach (var (slot, weight) in slots)
        {
            var index = preprocessor.OutputNames.ToList().IndexOf(slot);
            Assert.True(index >= 0, $"no slot {slot}");
            weights[index] = weight;
        }

        return weights;
    }
}
