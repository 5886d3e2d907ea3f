using System.Globalization;
using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Training;

/// <summary>Argument checks shared by the models (ML.NET-backed and XGBoost).</summary>
internal static class ModelGuard
{
    public static void CheckRow(ReadOnlySpan<float> features, int columns)
    {
        if (features.Length != columns)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The model has {columns} columns; the row has {features.Length}."
                ),
                nameof(features)
            );
        }
    }

    public static void CheckBatch(FeatureMatrix data, Span<double> destination, int columns)
    {
        if (data.Columns != columns)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The model has {columns} columns; the data has {data.Columns}."
                ),
                nameof(data)
            );
        }
        if (destination.Length < data.Rows)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"destination has {destination.Length} slots for {data.Rows} rows."
                ),
                nameof(destination)
            );
        }
    }
}
