namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>
/// Stratified, seeded row splits. Each class's row indices are shuffled separately
/// (Fisher–Yates via <c>new Random(seed).Shuffle</c>, negatives first, then positives), so the class
/// ratio is preserved and the same labels and seed always give the same split.
/// </summary>
public static class StratifiedSplit
{
    /// <summary>
    /// Splits rows into train and test. Each class contributes round(n_c · testFraction) rows
    /// (half away from zero) to the test set, clamped to [1, n_c − 1] when the class has at least
    /// two rows so both sets see both classes; a class with a single row goes to train.
    /// </summary>
    /// <param name="labels">True classes of every row.</param>
    /// <param name="testFraction">Share of each class held out, in (0, 1) (default 0.2).</param>
    /// <param name="seed">Shuffle seed (default 42).</param>
    /// <returns>Train and test row indices, each ascending; together every row exactly once.</returns>
    /// <exception cref="ArgumentException">Empty labels.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> outside (0, 1).</exception>
    public static (int[] Train, int[] Test) TrainTest(
        ReadOnlySpan<bool> labels,
        double testFraction = 0.2,
        int seed = 42
    )
    {
        if (labels.Length == 0)
        {
            throw new ArgumentException("labels must not be empty.", nameof(labels));
        }

        if (!(testFraction > 0.0 && testFraction < 1.0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(testFraction),
                "testFraction must be within (0, 1)."
            );
        }

        var random = new Random(seed);
        var isTest = new bool[labels.Length];
        var testCount = 0;
        foreach (var rows in ShuffledClasses(labels, random))
        {
            var take = (int)Math.Round(rows.Length * testFraction, MidpointRounding.AwayFromZero);
            take = rows.Length >= 2 ? Math.Clamp(take, 1, rows.Length - 1) : 0;
            for (var k = 0; k < take; k++)
            {
                isTest[rows[k]] = true;
            }

            testCount += take;
        }

        var train = new int[labels.Length - testCount];
        var test = new int[testCount];
        int tr = 0,
            te = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (isTest[i])
            {
                test[te++] = i;
            }
            else
            {
                train[tr++] = i;
            }
        }

        return (train, test);
    }

    /// <summary>
    /// Assigns every row to one of <paramref name="k"/> folds. Shuffled rows are dealt round-robin,
    /// the positives continuing where the negatives stopped, so each class's count per fold differs
    /// by at most one across folds, and so does the fold size.
    /// </summary>
    /// <param name="labels">True classes of every row.</param>
    /// <param name="k">Number of folds, 2 ≤ k ≤ rows (default 5).</param>
    /// <param name="seed">Shuffle seed (default 42).</param>
    /// <returns>The fold (0 … k − 1) of each row.</returns>
    /// <exception cref="ArgumentException">Empty labels.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> outside [2, rows].</exception>
    public static int[] KFold(ReadOnlySpan<bool> labels, int k = 5, int seed = 42)
    {
        if (labels.Length == 0)
        {
            throw new ArgumentException("labels must not be empty.", nameof(labels));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, labels.Length);

        var random = new Random(seed);
        var foldOfRow = new int[labels.Length];
        var dealt = 0;
        foreach (var rows in ShuffledClasses(labels, random))
        {
            foreach (var row in rows)
            {
                foldOfRow[row] = dealt++ % k;
            }
        }

        return foldOfRow;
    }

    /// <summary>Train (every other fold) and test (this fold) row indices, ascending.</summary>
    /// <param name="foldOfRow">The result of <see cref="KFold"/>.</param>
    /// <param name="fold">The held-out fold.</param>
    public static (int[] Train, int[] Test) Fold(ReadOnlySpan<int> foldOfRow, int fold)
    {
        var testCount = 0;
        foreach (var f in foldOfRow)
        {
            if (f == fold)
            {
                testCount++;
            }
        }

        if (testCount == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fold), "No row belongs to this fold.");
        }

        var train = new int[foldOfRow.Length - testCount];
        var test = new int[testCount];
        int tr = 0,
            te = 0;
        for (var i = 0; i < foldOfRow.Length; i++)
        {
            if (foldOfRow[i] == fold)
            {
                test[te++] = i;
            }
            else
            {
                train[tr++] = i;
            }
        }

        return (train, test);
    }

    private static int[][] ShuffledClasses(ReadOnlySpan<bool> labels, Random random)
    {
        var positives = 0;
        foreach (var label in labels)
        {
            if (label)
            {
                positives++;
            }
        }

        var negativeRows = new int[labels.Length - positives];
        var positiveRows = new int[positives];
        int p = 0,
            q = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i])
            {
                positiveRows[p++] = i;
            }
            else
            {
                negativeRows[q++] = i;
            }
        }

        random.Shuffle(negativeRows);
        random.Shuffle(positiveRows);
        return [negativeRows, positiveRows];
    }
}
