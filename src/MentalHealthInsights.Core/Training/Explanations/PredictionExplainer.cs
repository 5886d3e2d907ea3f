using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;

namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>
/// Per-prediction explanations for every model type: the record goes through the one
/// preprocessing path, the model explains the row (<see cref="IBinaryModel.Explain"/>: TreeSHAP
/// for XGBoost, coefficient × standardised value for logistic regression, …), and slot
/// contributions are summed back to the original columns and ranked by size. Used by serving and
/// batch scoring. The result contains the record's values: return it to the caller, never log it.
/// </summary>
public static class PredictionExplainer
{
    /// <summary>Default number of factors returned.</summary>
    public const int DefaultTop = 5;

    /// <summary>Explains one prediction.</summary>
    /// <param name="preprocessor">The model's fitted preprocessor.</param>
    /// <param name="model">The raw model (calibration is monotone and does not change which factors push the risk up or down).</param>
    /// <param name="record">The record.</param>
    /// <param name="top">Factors to return, at least 1 (default 5).</param>
    public static PredictionExplanation ExplainPrediction(
        FittedPreprocessor preprocessor,
        IBinaryModel model,
        MentalHealthRecord record,
        int top = DefaultTop
    )
    {
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentNullException.ThrowIfNull(record);
        return ExplainPrediction(preprocessor, model, record, preprocessor.Transform(record), top);
    }

    /// <summary>
    /// Explains one prediction whose features the caller already computed with
    /// <paramref name="preprocessor"/> (so a scorer transforms each record once).
    /// </summary>
    /// <param name="preprocessor">The model's fitted preprocessor.</param>
    /// <param name="model">The raw model.</param>
    /// <param name="record">The record (for the values quoted in the factors).</param>
    /// <param name="row">The record's features, <c>preprocessor.Transform(record)</c>.</param>
    /// <param name="top">Factors to return, at least 1.</param>
    public static PredictionExplanation ExplainPrediction(
        FittedPreprocessor preprocessor,
        IBinaryModel model,
        MentalHealthRecord record,
        ReadOnlySpan<float> row,
        int top
    )
    {
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var explanation = model.Explain(row);
        if (explanation.Values.Length != row.Length)
        {
            throw new InvalidOperationException(
                $"The model explained {explanation.Values.Length} columns; the preprocessor writes {row.Length}."
            );
        }

        var layout = ColumnLayout.Of(preprocessor);
        var columns = layout.Columns.Length;
        Span<double> sums = columns <= 256 ? stackalloc double[columns] : new double[columns];
        Span<int> order = columns <= 256 ? stackalloc int[columns] : new int[columns];
        var candidates = 0;
        var margin = explanation.Bias;
        for (var c = 0; c < columns; c++)
        {
            var column = layout.Columns[c];
            var sum = 0.0;
            for (var k = 0; k < column.Width; k++)
            {
                sum += explanation.Values[column.Offset + k];
            }

            margin += sum;
            sums[c] = sum;
            if (sum != 0 && double.IsFinite(sum))
            {
                order[candidates++] = c;
            }
        }

        // Largest |log-odds| first, ties in column order; only the factors returned are worded.
        var ranked = new ExplanationFactor[Math.Min(top, candidates)];
        for (var r = 0; r < ranked.Length; r++)
        {
            var best = r;
            for (var i = r + 1; i < candidates; i++)
            {
                if (Outranks(sums, order[i], order[best]))
                {
                    best = i;
                }
            }

            (order[r], order[best]) = (order[best], order[r]);
            ranked[r] = Factor(preprocessor, layout.Columns[order[r]], record, sums[order[r]]);
        }

        return new PredictionExplanation(ranked, explanation.Bias, margin, explanation.Method);
    }

    // Column a before column b: a larger |log-odds|, or the same and an earlier column.
    private static bool Outranks(ReadOnlySpan<double> sums, int a, int b)
    {
        var x = Math.Abs(sums[a]);
        var y = Math.Abs(sums[b]);
        return x > y || (x == y && a < b);
    }

    private static ExplanationFactor Factor(
        FittedPreprocessor preprocessor,
        ColumnSlots column,
        MentalHealthRecord record,
        double sum
    )
    {
        var value = ValueText(preprocessor, column, record);
        var sentence = string.Create(
            CultureInfo.InvariantCulture,
            $"{column.Name} = {value} {(sum > 0 ? "raises" : "lowers")} the predicted risk ({sum:+0.00;−0.00} log-odds)."
        );
        return new ExplanationFactor(
            column.Name,
            value,
            sum > 0 ? FactorDirection.Up : FactorDirection.Down,
            sum,
            sentence
        );
    }

    private static string ValueText(
        FittedPreprocessor preprocessor,
        ColumnSlots column,
        MentalHealthRecord record
    )
    {
        if (column.Kind == FeatureKind.Numeric)
        {
            var x = FeatureColumns.ReadNumeric(record, column.Name);
            if (double.IsFinite(x))
            {
                return x.ToString("0.###", CultureInfo.InvariantCulture);
            }

            var median = preprocessor.GetNumericStats(column.Name).Median;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"missing (imputed with {median:0.###})"
            );
        }

        var level = FeatureColumns.ReadCategory(record, column.Name);
        return level is null ? "missing"
            : column.Levels.Contains(level, StringComparer.Ordinal) ? level
            : $"{level} (not seen in training)";
    }
}
