namespace MentalHealthInsights.Core.Training;

/// <summary>
/// Preprocessed rows handed to trainers and models: row-major float features (the output of
/// the one preprocessing definition), the 0/1 labels, and the names of the columns. Rows are
/// views: <see cref="Select"/> copies only the chosen rows (folds, train/test parts).
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>Creates a matrix; <paramref name="features"/> has rows × names.Count values.</summary>
    public FeatureMatrix(float[] features, bool[] labels, IReadOnlyList<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(columnNames);
        if (columnNames.Count == 0 || features.Length != labels.Length * columnNames.Count)
        {
            throw new ArgumentException(
                $"features has {features.Length} values; expected rows ({labels.Length}) × columns ({columnNames.Count}).",
                nameof(features)
            );
        }
        Features = features;
        Labels = labels;
        ColumnNames = columnNames;
    }

    /// <summary>Row-major feature values.</summary>
    public float[] Features { get; }

    /// <summary>Labels: true when the condition is reported (Mental_Health_Condition = Yes).</summary>
    public bool[] Labels { get; }

    /// <summary>Names of the columns (preprocessing output slots).</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => Labels.Length;

    /// <summary>Number of columns.</summary>
    public int Columns => ColumnNames.Count;

    /// <summary>The features of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row) => Features.AsSpan(row * Columns, Columns);

    /// <summary>A new matrix with the given rows, in the given order.</summary>
    public FeatureMatrix Select(ReadOnlySpan<int> rows)
    {
        var features = new float[rows.Length * Columns];
        var labels = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(features.AsSpan(i * Columns, Columns));
            labels[i] = Labels[rows[i]];
        }
        return new FeatureMatrix(features, labels, ColumnNames);
    }
}
