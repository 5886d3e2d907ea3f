using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Features;

/// <summary>
/// Fits the one preprocessing definition on training rows only (docs/preprocessing.md):
/// numeric columns get median imputation then standard scaling (population standard deviation,
/// as scikit-learn's StandardScaler); categorical columns get one-hot encoding over the sorted
/// training levels plus one "&lt;unknown&gt;" slot for unseen and missing values.
/// </summary>
public static class Preprocessor
{
    /// <summary>Fits on every row of <paramref name="trainingRows"/>.</summary>
    /// <exception cref="ArgumentException">The spec is invalid, or there are no rows.</exception>
    public static FittedPreprocessor Fit(
        IReadOnlyList<MentalHealthRecord> trainingRows,
        FeatureSpec spec
    )
    {
        ArgumentNullException.ThrowIfNull(trainingRows);
        return FitCore(new RowSelection(trainingRows, default, all: true), spec);
    }

    /// <summary>
    /// Fits on the rows of <paramref name="records"/> at the indices <paramref name="rows"/>
    /// (a cross-validation fold or a bootstrap sample) without copying records. Repeated
    /// indices count once per occurrence. The result equals fitting on the materialised subset.
    /// </summary>
    /// <exception cref="ArgumentException">The spec is invalid, or <paramref name="rows"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside <paramref name="records"/>.</exception>
    public static FittedPreprocessor Fit(
        IReadOnlyList<MentalHealthRecord> records,
        ReadOnlySpan<int> rows,
        FeatureSpec spec
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var row in rows)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row, nameof(rows));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, records.Count, nameof(rows));
        }

        return FitCore(new RowSelection(records, rows, all: false), spec);
    }

    private static FittedPreprocessor FitCore(RowSelection rows, FeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (rows.Count == 0)
        {
            throw new ArgumentException("At least one training row is required to fit.");
        }

        var columns = new FittedColumn[spec.Features.Count];
        var notes = new List<string>();
        var offset = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            var name = spec.Features[i];
            columns[i] =
                FeatureColumns.GetKind(name) == FeatureKind.Numeric
                    ? FitNumeric(name, offset, rows, notes)
                    : FitCategorical(name, offset, rows, notes);
            offset += columns[i].Width;
        }

        return new FittedPreprocessor(spec, columns, rows.Count, notes);
    }

    private static FittedColumn FitNumeric(
        string name,
        int offset,
        RowSelection rows,
        List<string> notes
    )
    {
        var read = FeatureColumns.GetNumericReader(name);
        var n = rows.Count;
        var values = new double[n];
        var present = new double[n];
        var presentCount = 0;
        for (var i = 0; i < n; i++)
        {
            var x = read(rows[i]);
            values[i] = x;
            // Non-finite values count as missing here and in Transform, so both agree.
            if (double.IsFinite(x))
            {
                present[presentCount++] = x;
            }
        }

        double median;
        if (presentCount == 0)
        {
            median = 0;
            notes.Add($"{name}: no value in the training rows; missing values are imputed with 0.");
        }
        else
        {
            var sorted = present.AsSpan(0, presentCount);
            sorted.Sort();
            var mid = presentCount / 2;
            // numpy.median: the mean of the two middle values for an even count.
            median = presentCount % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        // Mean and variance of the imputed column, two-pass (as scikit-learn after SimpleImputer).
        // Values so large that their sum or squares would overflow (an accepted range widened
        // to, say, 0:1e308) are first divided by the largest magnitude: the mean and the
        // standard deviation are then computed in that unit and multiplied back, and stay
        // finite (|mean| and the standard deviation never exceed the largest magnitude).
        var unit = 1.0;
        for (var i = 0; i < presentCount; i++)
        {
            unit = Math.Max(unit, Math.Abs(present[i]));
        }

        if (unit <= LargestUnscaledMagnitude)
        {
            unit = 1;
        }

        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += Imputed(values[i], median) / unit;
        }

        var mean = sum / n;
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var d = (Imputed(values[i], median) / unit) - mean;
            squares += d * d;
        }

        var variance = squares / n;
        var constant = IsConstant(variance, mean, n);
        mean *= unit;
        var standardDeviation = Math.Sqrt(variance) * unit;
        var scale = standardDeviation;
        if (constant)
        {
            scale = 1;
            if (presentCount > 0)
            {
                notes.Add($"{name}: constant in the training rows; scale set to 1.");
            }
        }

        return FittedColumn.Numeric(
            name,
            offset,
            n - presentCount,
            median,
            mean,
            standardDeviation,
            scale
        );
    }

    private static FittedColumn FitCategorical(
        string name,
        int offset,
        RowSelection rows,
        List<string> notes
    )
    {
        var read = FeatureColumns.GetCategoricalReader(name);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        long missing = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var value = read(rows[i]);
            if (value is null)
            {
                missing++;
            }
            else if (value != FittedPreprocessor.UnknownLevel)
            {
                // A literal "<unknown>" value never becomes a level: it already has a slot.
                distinct.Add(value);
            }
        }

        var levels = distinct.ToArray();
        Array.Sort(levels, StringComparer.Ordinal);
        if (levels.Length == 0)
        {
            notes.Add(
                $"{name}: no value in the training rows; every value maps to {name}={FittedPreprocessor.UnknownLevel}."
            );
        }

        return FittedColumn.Categorical(name, offset, missing, levels);
    }

    private static double Imputed(double x, double median) => double.IsFinite(x) ? x : median;

    /// <summary>
    /// scikit-learn's <c>_is_constant_feature</c>: a variance within the rounding error bound of
    /// the two-pass algorithm (Chan, Golub and LeVeque) means the column is constant, and
    /// dividing by its tiny standard deviation would only amplify rounding noise.
    /// </summary>
    /// <summary>
    /// Up to this magnitude a column's sum and squares cannot overflow (2^500 squared is far
    /// below double's range), and the mean and variance are computed exactly as before.
    /// </summary>
    private const double LargestUnscaledMagnitude = 1e150;

    private static bool IsConstant(double variance, double mean, int n)
    {
        const double eps = 2.220446049250313e-16; // numpy.finfo(float64).eps = 2^-52
        var bound = (n * eps * variance) + Math.Pow(n * mean * eps, 2);
        return variance <= bound;
    }

    /// <summary>Either every record of a list or the records at some indices, without copying.</summary>
    private readonly ref struct RowSelection(
        IReadOnlyList<MentalHealthRecord> records,
        ReadOnlySpan<int> rows,
        bool all
    )
    {
        private readonly ReadOnlySpan<int> _rows = rows;

        public int Count => all ? records.Count : _rows.Length;

        public MentalHealthRecord this[int i] => all ? records[i] : records[_rows[i]];
    }
}
