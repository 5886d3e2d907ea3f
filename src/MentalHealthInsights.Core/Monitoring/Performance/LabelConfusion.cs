using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>Confusion counts from observed outcomes and the model's logged labels (no threshold).</summary>
public static class LabelConfusion
{
    /// <summary>Counts TP, FP, TN and FN; the spans must have the same length.</summary>
    public static ConfusionMatrix Count(ReadOnlySpan<bool> outcomes, ReadOnlySpan<bool> labels)
    {
        if (outcomes.Length != labels.Length)
        {
            throw new ArgumentException(
                "Outcomes and labels must have the same length.",
                nameof(labels)
            );
        }
        long tp = 0,
            fp = 0,
            tn = 0,
            fn = 0;
        for (int i = 0; i < outcomes.Length; i++)
        {
            switch ((outcomes[i], labels[i]))
            {
                case (true, true):
                    tp++;
                    break;
                case (false, true):
                    fp++;
                    break;
                case (false, false):
                    tn++;
                    break;
                default:
                    fn++;
                    break;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }
}
