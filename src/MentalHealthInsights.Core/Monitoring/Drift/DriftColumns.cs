namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// The columns drift looks at, as <see cref="MonitoringColumn"/>s: the features, then the model's
/// probability (numerical) and label (categorical "1"/"0") and the observed outcome (categorical;
/// rows without an outcome are missing), each only when the dataset has it.
/// </summary>
public static class DriftColumns
{
    /// <summary>Features plus the prediction and target columns that exist.</summary>
    public static IEnumerable<MonitoringColumn> All(MonitoringDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        foreach (var feature in dataset.Features)
        {
            yield return feature;
        }
        if (Probability(dataset) is { } probability)
        {
            yield return probability;
        }
        if (Label(dataset) is { } label)
        {
            yield return label;
        }
        if (Target(dataset) is { } target)
        {
            yield return target;
        }
    }

    /// <summary>The probability column, or null.</summary>
    public static MonitoringColumn? Probability(MonitoringDataset dataset) =>
        dataset.Probabilities is null
            ? null
            : MonitoringColumn.Numeric(MonitoringDataset.ProbabilityColumn, dataset.Probabilities);

    /// <summary>The predicted label column ("1"/"0"), or null.</summary>
    public static MonitoringColumn? Label(MonitoringDataset dataset) =>
        dataset.Labels is null
            ? null
            : MonitoringColumn.Categorical(
                MonitoringDataset.LabelColumn,
                [.. dataset.Labels.Select(l => l ? "1" : "0")]
            );

    /// <summary>The outcome column ("1"/"0", null where unknown), or null without outcomes.</summary>
    public static MonitoringColumn? Target(MonitoringDataset dataset) =>
        dataset.Outcomes is null || dataset.LabelledRows == 0
            ? null
            : MonitoringColumn.Categorical(
                MonitoringDataset.TargetColumn,
                [
                    .. dataset.Outcomes.Select(o =>
                        o switch
                        {
                            true => "1",
                            false => "0",
                            null => null,
                        }
                    ),
                ]
            );
}
