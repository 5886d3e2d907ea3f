using MentalHealthInsights.Core.Monitoring.Drift;

namespace MentalHealthInsights.Core.Monitoring;

/// <summary>
/// One column of a <see cref="MonitoringDataset"/>: numeric values (NaN = missing) or category
/// strings (null = missing). Exactly one of <see cref="Numbers"/> and <see cref="Categories"/> is set.
/// </summary>
public sealed class MonitoringColumn
{
    private MonitoringColumn(string name, double[]? numbers, string?[]? categories)
    {
        Name = name;
        Numbers = numbers;
        Categories = categories;
    }

    /// <summary>The column name (the dataset's spelling, e.g. "Sleep_Hours").</summary>
    public string Name { get; }

    /// <summary>Numeric values; null for a categorical column.</summary>
    public double[]? Numbers { get; }

    /// <summary>Category values; null for a numeric column.</summary>
    public string?[]? Categories { get; }

    /// <summary>Numerical or categorical.</summary>
    public DriftColumnKind Kind =>
        Numbers is not null ? DriftColumnKind.Numerical : DriftColumnKind.Categorical;

    /// <summary>Number of rows.</summary>
    public int Length => Numbers?.Length ?? Categories!.Length;

    /// <summary>A numeric column.</summary>
    public static MonitoringColumn Numeric(string name, double[] values) => new(name, values, null);

    /// <summary>A categorical column.</summary>
    public static MonitoringColumn Categorical(string name, string?[] values) =>
        new(name, null, values);

    /// <summary>Rows whose value is missing (NaN/±∞ or null).</summary>
    public int MissingCount()
    {
        int missing = 0;
        if (Numbers is not null)
        {
            foreach (double v in Numbers)
            {
                if (!double.IsFinite(v))
                {
                    missing++;
                }
            }
        }
        else
        {
            foreach (var v in Categories!)
            {
                if (v is null)
                {
                    missing++;
                }
            }
        }
        return missing;
    }

    /// <summary>The rows selected by <paramref name="rows"/> as a new column.</summary>
    public MonitoringColumn Select(IReadOnlyList<int> rows)
    {
        if (Numbers is not null)
        {
            var values = new double[rows.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Numbers[rows[i]];
            }
            return Numeric(Name, values);
        }
        var categories = new string?[rows.Count];
        for (int i = 0; i < categories.Length; i++)
        {
            categories[i] = Categories![rows[i]];
        }
        return Categorical(Name, categories);
    }
}
