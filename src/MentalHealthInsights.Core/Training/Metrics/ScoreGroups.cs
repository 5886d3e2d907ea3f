namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// Rows grouped by distinct score, highest score first, with the positives and negatives in each
/// group. Every ranking metric, curve and threshold search walks these groups, so they are built
/// with one sort and reused (the bootstrap re-weights the groups instead of re-sorting).
/// </summary>
internal sealed class ScoreGroups
{
    private ScoreGroups(
        double[] scores,
        long[] positives,
        long[] negatives,
        int[] groupOfRow,
        long totalPositives,
        long totalNegatives
    )
    {
        Scores = scores;
        Positives = positives;
        Negatives = negatives;
        GroupOfRow = groupOfRow;
        TotalPositives = totalPositives;
        TotalNegatives = totalNegatives;
    }

    /// <summary>Distinct scores, strictly descending.</summary>
    public double[] Scores { get; }

    /// <summary>Positive rows per group.</summary>
    public long[] Positives { get; }

    /// <summary>Negative rows per group.</summary>
    public long[] Negatives { get; }

    /// <summary>The group index of each input row.</summary>
    public int[] GroupOfRow { get; }

    public long TotalPositives { get; }

    public long TotalNegatives { get; }

    public int Count => Scores.Length;

    /// <summary>Builds the groups; inputs must already be validated (non-empty, no NaN).</summary>
    public static ScoreGroups Build(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        var n = scores.Length;
        var keys = scores.ToArray();
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        // Ascending sort; -0.0 and 0.0 compare equal, so they share a group.
        Array.Sort(keys, rows);

        var distinct = 1;
        for (var j = 1; j < n; j++)
        {
            if (keys[j] != keys[j - 1])
            {
                distinct++;
            }
        }

        var groupScores = new double[distinct];
        var positives = new long[distinct];
        var negatives = new long[distinct];
        var groupOfRow = new int[n];
        long totalPositives = 0;
        var g = -1;
        for (var j = n - 1; j >= 0; j--)
        {
            if (g < 0 || keys[j] != groupScores[g])
            {
                g++;
                groupScores[g] = keys[j];
            }

            var row = rows[j];
            groupOfRow[row] = g;
            if (labels[row])
            {
                positives[g]++;
                totalPositives++;
            }
            else
            {
                negatives[g]++;
            }
        }

        return new ScoreGroups(
            groupScores,
            positives,
            negatives,
            groupOfRow,
            totalPositives,
            n - totalPositives
        );
    }
}
