using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Eda;

public static partial class EdaAnalyzer
{
    private static CorrelationMatrix Correlate(EdaColumns columns)
    {
        var variables =
            new List<(string Name, double[]? Numeric, CategoricalColumn? Categorical)>();
        for (int c = 0; c < columns.Numeric.Length; c++)
        {
            variables.Add((DatasetSchema.NumericColumns[c], columns.Numeric[c], null));
        }

        foreach (var c in columns.Categorical)
        {
            variables.Add((c.Name, null, c));
        }

        variables.Add((columns.TargetColumn.Name, null, columns.TargetColumn));

        int k = variables.Count;
        var values = new double[k][];
        for (int i = 0; i < k; i++)
        {
            values[i] = new double[k];
            // A numeric column without any value correlates with nothing, itself included.
            values[i][i] =
                variables[i].Numeric is { } numbers && !numbers.Any(double.IsFinite)
                    ? double.NaN
                    : 1.0;
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++)
            {
                double v = Associate(variables[i], variables[j]);
                values[i][j] = v;
                values[j][i] = v;
            }
        }

        return new CorrelationMatrix
        {
            Variables = [.. variables.Select(v => v.Name)],
            Kinds =
            [
                .. variables.Select(v =>
                    v.Numeric is null ? VariableKind.Categorical : VariableKind.Numeric
                ),
            ],
            Values = values,
        };
    }

    private static double Associate(
        (string Name, double[]? Numeric, CategoricalColumn? Categorical) a,
        (string Name, double[]? Numeric, CategoricalColumn? Categorical) b
    )
    {
        return (a.Numeric, a.Categorical, b.Numeric, b.Categorical) switch
        {
            (double[] x, _, double[] y, _) => PearsonCorrelation.Compute(x, y).Coefficient,
            (_, CategoricalColumn x, _, CategoricalColumn y) => CramersV.Compute(
                x.CrossTabulate(y)
            ),
            (_, CategoricalColumn x, double[] y, _) => CorrelationRatio.Compute(x.Codes, y),
            (double[] x, _, _, CategoricalColumn y) => CorrelationRatio.Compute(y.Codes, x),
            _ => double.NaN,
        };
    }
}
