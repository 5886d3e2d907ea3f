using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Tests.Training;

/// <summary>
/// Records through a fitted preprocessor into the labelled matrix a trainer sees (label:
/// Mental_Health_Condition = Yes), the way training builds it.
/// </summary>
internal static class LabelledMatrix
{
    public static FeatureMatrix Of(
        IReadOnlyList<MentalHealthRecord> records,
        FittedPreprocessor preprocessor
    ) =>
        new(
            preprocessor.TransformBatch(records),
            [.. records.Select(r => r.HasCondition)],
            preprocessor.OutputNames
        );

    /// <summary>Generated records, the default preprocessor fitted on them, and their matrix.</summary>
    public static (FittedPreprocessor Preprocessor, FeatureMatrix Matrix) Generate(
        int rows,
        int seed
    )
    {
        var records = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = rows, Seed = seed })
            .ToArray();
        var preprocessor = Preprocessor.Fit(records, FeatureSpec.Default);
        return (preprocessor, Of(records, preprocessor));
    }
}
