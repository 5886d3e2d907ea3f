using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Eda;

public static partial class EdaAnalyzer
{
    private static NumericFeatureProfile ProfileNumeric(
        string name,
        double[] values,
        bool[] target,
        int bins
    )
    {
        var with = new List<double>();
        var without = new List<double>();
        for (int i = 0; i < values.Length; i++)
        {
            (target[i] ? with : without).Add(values[i]);
        }

        double[] withValues = [.. with];
        double[] withoutValues = [.. without];
        return new NumericFeatureProfile
        {
            Name = name,
            Overall = SummaryStatistics.Compute(values),
            WithCondition = SummaryStatistics.Compute(withValues),
            WithoutCondition = SummaryStatistics.Compute(withoutValues),
            Histogram = Histogram(values, target, bins),
            Test = MannWhitneyUTest.Test(withValues, withoutValues),
        };
    }

    /// <summary>Shared equal-width bins over the observed range, binned as numpy.histogram does.</summary>
    internal static NumericHistogram Histogram(double[] values, bool[] target, int bins)
    {
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        if (min > max)
        {
            return new NumericHistogram([], [], []);
        }

        if (min == max)
        {
            min -= 0.5;
            max += 0.5;
        }

        var edges = new double[bins + 1];
        double step = (max - min) / bins;
        for (int i = 0; i < bins; i++)
        {
            edges[i] = min + (i * step);
        }

        edges[bins] = max;
        var with = new long[bins];
        var without = new long[bins];
        double norm = bins / (max - min);
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v))
            {
                continue;
            }

            int bin = Math.Min((int)((v - min) * norm), bins - 1);

            // Floating-point rounding can land a value one bin off its edges; the edges decide.
            if (v < edges[bin])
            {
                bin--;
            }
            else if (bin < bins - 1 && v >= edges[bin + 1])
            {
                bin++;
            }

            (target[i] ? with : without)[bin]++;
        }

        return new NumericHistogram(edges, with, without);
    }

    private static CategoricalFeatureProfile ProfileCategorical(
        CategoricalColumn column,
        CategoricalColumn target
    )
    {
        var test = ChiSquareIndependenceTest.Test(column.CrossTabulate(target));
        return new CategoricalFeatureProfile
        {
            Name = column.Name,
            Levels = Levels(column, target),
            Test = test,
            CramersV = CramersV.FromChiSquare(test),
        };
    }

    /// <summary>Per-level counts with and without the condition (target levels are Yes, No).</summary>
    private static CategoryLevel[] Levels(CategoricalColumn column, CategoricalColumn target)
    {
        var table = column.CrossTabulate(target);
        int yes = IndexOfLevel(target, "Yes");
        int no = IndexOfLevel(target, "No");
        return
        [
            .. column.Levels.Select(
                (level, r) =>
                    new CategoryLevel(
                        level,
                        yes >= 0 ? table[r, yes] : 0,
                        no >= 0 ? table[r, no] : 0
                    )
            ),
        ];
    }

    private static int IndexOfLevel(CategoricalColumn column, string level)
    {
        for (int i = 0; i < column.Levels.Count; i++)
        {
            if (string.Equals(column.Levels[i], level, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
