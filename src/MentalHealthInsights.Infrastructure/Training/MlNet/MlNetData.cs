using MentalHealthInsights.Core.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// Builds ML.NET's view of a <see cref="FeatureMatrix"/>: a "Features" vector column of the
/// matrix's width and a Boolean "Label" column, and nothing else — preprocessing has already
/// happened in our own code, so no ML.NET transforms are added.
/// </summary>
internal static class MlNetData
{
    public const string FeaturesColumn = nameof(FeatureRow.Features);
    public const string LabelColumn = nameof(FeatureRow.Label);

    public static IDataView ToDataView(FeatureMatrix matrix) => new FeatureMatrixDataView(matrix);

    /// <summary>The old view (one object per row through <c>LoadFromEnumerable</c>), kept for the test that the two give the same models.</summary>
    internal static IDataView ToEnumerableDataView(MLContext ml, FeatureMatrix matrix)
    {
        var rows = new FeatureRow[matrix.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new FeatureRow
            {
                Features = matrix.Row(i).ToArray(),
                Label = matrix.Labels[i],
            };
        }
        return ml.Data.LoadFromEnumerable(rows, Schema(matrix.Columns));
    }

    /// <summary>The input schema (for saving a model without data).</summary>
    public static SchemaDefinition Schema(int columns)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(
            NumberDataViewType.Single,
            columns
        );
        return schema;
    }

    public static void CheckTrainingData(FeatureMatrix training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Rows == 0)
        {
            throw new ArgumentException("Training data has no rows.", nameof(training));
        }
    }
}
