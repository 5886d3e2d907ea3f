using MentalHealthInsights.Core.Training;
using Microsoft.ML;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// Builds ML.NET's view of a <see cref="FeatureMatrix"/>: a "Features" vector column of the
/// matrix's width and a Boolean "Label" column, and nothing else — preprocessing has already
/// happened in our own code, so no ML.NET transforms are added.
/// </summary>
internal static class MlNetData
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";

    public static IDataView ToDataView(FeatureMatrix matrix) => new FeatureMatrixDataView(matrix);

    /// <summary>The same rows as sparse vectors, for FastTree (<see cref="FeatureMatrixDataView"/>).</summary>
    public static IDataView ToSparseDataView(FeatureMatrix matrix) =>
        new FeatureMatrixDataView(matrix, sparse: true);

    public static void CheckTrainingData(FeatureMatrix training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Rows == 0)
        {
            throw new ArgumentException("Training data has no rows.", nameof(training));
        }
    }
}
