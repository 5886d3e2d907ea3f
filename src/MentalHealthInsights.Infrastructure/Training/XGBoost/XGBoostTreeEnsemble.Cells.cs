using System.Runtime.CompilerServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

// The grid the TreeSHAP cells (XGBoostTreeEnsemble.ShapCells.cs) are stored on, and how they
// are built in the background.
//
// A row goes the same way at every split of a tree on feature f as long as x_f stays between the
// same two of the tree's thresholds on f. So with k_f distinct thresholds on f the tree's splits
// cut the input space into Π_f (k_f + 1) cells, and anything the tree computes from the way a row
// goes at its splits (its TreeSHAP values) can be stored per cell. A row's cell is the
// sum of the strides of the thresholds it reaches: one branch-free comparison per distinct
// (feature, threshold). NaN takes each split's own default way, which a cell cannot express, so
// rows with a missing value keep the tables.
public sealed partial class XGBoostTreeEnsemble
{
    /// <summary>
    /// Rows without missing values answered the ordinary way before cells are built: about what
    /// a build costs in rows answered the ordinary way, so a process never spends much more than
    /// the least it could have (the rent-or-buy rule). A training run's 5,000 explained rows
    /// never build them; a loaded server does within a second.
    /// </summary>
    internal const int CellsAfterRows = 10_000;

    // The offset of the row's cell: the strides of the thresholds it reaches (x ≥ threshold, what
    // sends it right at a split), branch-free like Step. The caller checked the row has no NaN;
    // compares come from the checked model.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CellOffset(ref CellCompare compare, int count, ref float x0)
    {
        var at = 0;
        for (var c = 0; c < count; c++)
        {
            ref readonly var n = ref Unsafe.Add(ref compare, c);
            int reached = Unsafe.BitCast<bool, byte>(
                !(Unsafe.Add(ref x0, n.Feature) < n.Threshold)
            );
            at += n.Stride & -reached;
        }

        return at;
    }

    private static bool ContainsNaN(ReadOnlySpan<float> row)
    {
        foreach (var x in row)
        {
            if (float.IsNaN(x))
            {
                return true;
            }
        }

        return false;
    }

    // Per feature of `features` (the tree's distinct split features) its distinct thresholds in
    // the tree, ascending; null if one is NaN (no cell holds such a split).
    private List<float>[]? SplitThresholds(int tree, ReadOnlySpan<int> features)
    {
        var thresholds = new List<float>[features.Length];
        for (var k = 0; k < thresholds.Length; k++)
        {
            thresholds[k] = [];
        }

        for (var n = treeStart[tree]; n < treeStart[tree + 1]; n++)
        {
            if (left[n] < 0)
            {
                continue;
            }

            if (float.IsNaN(threshold[n]))
            {
                return null;
            }

            var list = thresholds[features.IndexOf(feature[n])];
            if (!list.Contains(threshold[n]))
            {
                list.Add(threshold[n]);
            }
        }

        foreach (var list in thresholds)
        {
            list.Sort();
        }

        return thresholds;
    }

    // Cells of a tree with these thresholds, or more than `cap` (then exactly cap + 1).
    private static long CellCount(List<float>[] thresholds, long cap)
    {
        long cells = 1;
        foreach (var list in thresholds)
        {
            cells = Math.Min(cells * (list.Count + 1), cap + 1);
        }

        return cells;
    }

    // Appends one comparison per distinct (feature, threshold): slot 0 varies fastest, strides
    // multiplied by `width` (the values stored per cell).
    private static void AddCompares(
        List<CellCompare> compares,
        List<float>[] thresholds,
        ReadOnlySpan<int> features,
        int width
    )
    {
        var stride = width;
        for (var k = 0; k < thresholds.Length; k++)
        {
            foreach (var th in thresholds[k])
            {
                compares.Add(new CellCompare(th, features[k], stride));
            }

            stride *= thresholds[k].Count + 1;
        }
    }

    // Sets `row` to a point of each cell in turn, in stride order (slot 0 fastest), counting like
    // an odometer: for bin b of a feature its b-th threshold (it reaches the b lowest thresholds
    // and no higher one), and −∞ for bin 0. Features outside the tree are left as they are.
    private sealed class CellOdometer
    {
        private readonly List<float>[] thresholds;
        private readonly int[] features;
        private readonly float[] row;
        private readonly int[] bin;

        public CellOdometer(List<float>[] thresholds, ReadOnlySpan<int> features, float[] row)
        {
            this.thresholds = thresholds;
            this.features = features.ToArray();
            this.row = row;
            bin = new int[thresholds.Length];
            foreach (var f in this.features)
            {
                row[f] = float.NegativeInfinity;
            }
        }

        /// <summary>Moves to the next cell; false after the last (the row is back at the first).</summary>
        public bool Next()
        {
            for (var k = 0; k < bin.Length; k++)
            {
                if (++bin[k] <= thresholds[k].Count)
                {
                    row[features[k]] = thresholds[k][bin[k] - 1];
                    return true;
                }

                bin[k] = 0;
                row[features[k]] = float.NegativeInfinity;
            }

            return false;
        }
    }

    /// <summary>
    /// A value built once, on a thread of its own, after <c>afterUses</c> callers asked for it;
    /// until then they go without (and answer the ordinary way, with the same floats).
    /// </summary>
    private sealed class BuiltInBackground<T>(Func<T> build, int afterUses)
        where T : class
    {
        private readonly Lazy<T> lazy = new(build);
        private int uses;

        /// <summary>The value, built now (or waited for) if need be.</summary>
        public T Value => lazy.Value;

        public bool IsBuilt => lazy.IsValueCreated;

        /// <summary>The value if built; otherwise counts the use and may start the build.</summary>
        public T? IfBuilt()
        {
            if (lazy.IsValueCreated)
            {
                return lazy.Value;
            }

            if (Interlocked.Increment(ref uses) == afterUses)
            {
                // The state overload: no closure allocated on the calls that do not start it.
                _ = Task.Factory.StartNew(
                    static state => ((Lazy<T>)state!).Value,
                    lazy,
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default
                );
            }

            return null;
        }
    }

    // Stride: what reaching this threshold adds to the cell's offset.
    private readonly record struct CellCompare(float Threshold, int Feature, int Stride);
}
