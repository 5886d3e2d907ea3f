namespace MentalHealthInsights.Core.Monitoring.Fairness;

/// <summary>Fairness of one period (the whole current data or one window).</summary>
/// <param name="Start">Window start (null: whole period).</param>
/// <param name="End">Window end.</param>
/// <param name="Rows">Rows analysed.</param>
/// <param name="Attributes">One result per sensitive attribute.</param>
public sealed record FairnessResult(
    DateTimeOffset? Start,
    DateTimeOffset? End,
    int Rows,
    IReadOnlyList<FairnessAttributeResult> Attributes
)
{
    /// <summary>Max over attributes of <see cref="FairnessAttributeResult.Gap"/>; NaN when none is computable.</summary>
    public double Gap
    {
        get
        {
            double gap = double.NaN;
            foreach (var a in Attributes)
            {
                double g = a.Gap;
                if (!double.IsNaN(g) && (double.IsNaN(gap) || g > gap))
                {
                    gap = g;
                }
            }
            return gap;
        }
    }
}
