using MathNet.Numerics.Statistics;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>
/// Mean ± sample standard deviation of each metric over cross-validation folds. The standard
/// deviation describes fold-to-fold spread; it is not a confidence interval for the mean (folds
/// share training rows, so they are not independent).
/// </summary>
public static class CrossValidationSummary
{
    /// <summary>Summarises every <see cref="MetricNames"/> metric over the folds' metric sets.</summary>
    /// <param name="folds">One <see cref="MetricSet"/> per fold.</param>
    /// <returns>Summary per metric, in <see cref="MetricNames.All"/> order.</returns>
    public static IReadOnlyDictionary<string, MetricSummary> Summarise(IEnumerable<MetricSet> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        return Summarise(folds.Select(f => f.AsDictionary()));
    }

    /// <summary>
    /// Summarises named values over folds (e.g. metrics a trainer reported). Every key seen in any
    /// fold is summarised; NaN values and folds lacking a key do not count for that key.
    /// </summary>
    /// <param name="folds">One dictionary of metric values per fold.</param>
    /// <returns>Summary per key, in first-seen order.</returns>
    public static IReadOnlyDictionary<string, MetricSummary> Summarise(
        IEnumerable<IReadOnlyDictionary<string, double>> folds
    )
    {
        ArgumentNullException.ThrowIfNull(folds);
        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var fold in folds)
        {
            ArgumentNullException.ThrowIfNull(fold, nameof(folds));
            foreach (var (name, value) in fold)
            {
                if (!values.TryGetValue(name, out var list))
                {
                    list = [];
                    values.Add(name, list);
                }

                if (!double.IsNaN(value))
                {
                    list.Add(value);
                }
            }
        }

        var summary = new Dictionary<string, MetricSummary>(values.Count, StringComparer.Ordinal);
        foreach (var (name, list) in values)
        {
            summary.Add(name, Summarise(list));
        }

        return summary;
    }

    private static MetricSummary Summarise(List<double> values) =>
        values.Count switch
        {
            0 => new MetricSummary(double.NaN, double.NaN, 0),
            1 => new MetricSummary(values[0], double.NaN, 1),
            _ => FromMathNet(values),
        };

    private static MetricSummary FromMathNet(List<double> values)
    {
        var (mean, sd) = values.MeanStandardDeviation();
        return new MetricSummary(mean, sd, values.Count);
    }
}
