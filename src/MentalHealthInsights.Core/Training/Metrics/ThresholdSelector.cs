namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// Chooses a decision threshold from (out-of-fold) predicted probabilities. Candidates are the
/// distinct predicted values: a row is positive iff its probability is &gt;= the threshold, so
/// every achievable decision rule is one of them (besides "nothing positive"). Never choose the
/// threshold on the test set.
/// </summary>
public static class ThresholdSelector
{
    /// <summary>Applies <paramref name="strategy"/>.</summary>
    /// <exception cref="ArgumentException">Empty or mismatched input or a probability outside [0, 1].</exception>
    public static ThresholdSelection Select(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        ThresholdStrategy strategy
    )
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return strategy.Objective switch
        {
            ThresholdObjective.TargetRecall => ForTargetRecall(
                labels,
                probabilities,
                strategy.Target
            ),
            ThresholdObjective.TargetPrecision => ForTargetPrecision(
                labels,
                probabilities,
                strategy.Target
            ),
            _ => MaximiseF1(labels, probabilities),
        };
    }

    /// <summary>
    /// The threshold with the highest F1 = 2TP / (2TP + FP + FN); among equal F1 values the
    /// highest threshold (fewest positive calls). Unreachable only when there are no positives
    /// (F1 is then 0 everywhere).
    /// </summary>
    public static ThresholdSelection MaximiseF1(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities
    )
    {
        var strategy = ThresholdStrategy.MaxF1;
        InputGuard.LabelsAndProbabilities(labels, probabilities);
        var groups = ScoreGroups.Build(labels, probabilities);
        if (groups.TotalPositives == 0)
        {
            return ThresholdSelection.Unreachable(
                strategy,
                "There are no positive labels, so F1 is 0 at every threshold."
            );
        }

        var best = -1;
        var bestF1 = -1.0;
        long tp = 0,
            fp = 0;
        // Descending thresholds; a strict '>' keeps the first (highest) threshold on ties.
        for (var g = 0; g < groups.Count; g++)
        {
            tp += groups.Positives[g];
            fp += groups.Negatives[g];
            var f1 = Confusion(groups, tp, fp).F1;
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = g;
            }
        }

        return Chosen(strategy, groups, best);
    }

    /// <summary>
    /// The highest threshold whose recall TP / P is &gt;= <paramref name="recall"/>; recall only
    /// grows as the threshold falls, so this is also the most precise such rule. Unreachable
    /// only when there are no positives.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recall"/> not in (0, 1].</exception>
    public static ThresholdSelection ForTargetRecall(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        double recall
    )
    {
        var strategy = ThresholdStrategy.ForRecall(recall);
        InputGuard.LabelsAndProbabilities(labels, probabilities);
        var groups = ScoreGroups.Build(labels, probabilities);
        if (groups.TotalPositives == 0)
        {
            return ThresholdSelection.Unreachable(
                strategy,
                "There are no positive labels, so recall is undefined."
            );
        }

        long tp = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            tp += groups.Positives[g];
            if ((double)tp / groups.TotalPositives >= recall)
            {
                return Chosen(strategy, groups, g);
            }
        }

        // Unreachable in exact arithmetic: the lowest threshold has recall 1.
        return Chosen(strategy, groups, groups.Count - 1);
    }

    /// <summary>
    /// The lowest threshold whose precision TP / (TP + FP) is &gt;= <paramref name="precision"/>:
    /// recall only grows as the threshold falls, so this is the highest-recall rule meeting the
    /// target. Precision is not monotone in the threshold, so every candidate is checked.
    /// Unreachable (with a reason) when no threshold attains the target.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> not in (0, 1].</exception>
    public static ThresholdSelection ForTargetPrecision(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        double precision
    )
    {
        var strategy = ThresholdStrategy.ForPrecision(precision);
        InputGuard.LabelsAndProbabilities(labels, probabilities);
        var groups = ScoreGroups.Build(labels, probabilities);
        var chosen = -1;
        long tp = 0,
            fp = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            tp += groups.Positives[g];
            fp += groups.Negatives[g];
            if ((double)tp / (tp + fp) >= precision)
            {
                chosen = g;
            }
        }

        return chosen < 0
            ? ThresholdSelection.Unreachable(
                strategy,
                "No threshold reaches the target precision on these predictions."
            )
            : Chosen(strategy, groups, chosen);
    }

    private static ThresholdSelection Chosen(
        ThresholdStrategy strategy,
        ScoreGroups groups,
        int group
    )
    {
        long tp = 0,
            fp = 0;
        for (var g = 0; g <= group; g++)
        {
            tp += groups.Positives[g];
            fp += groups.Negatives[g];
        }

        return new ThresholdSelection(
            strategy,
            true,
            groups.Scores[group],
            Confusion(groups, tp, fp),
            null
        );
    }

    private static ConfusionMatrix Confusion(ScoreGroups groups, long tp, long fp) =>
        new(tp, fp, groups.TotalNegatives - fp, groups.TotalPositives - tp);
}
