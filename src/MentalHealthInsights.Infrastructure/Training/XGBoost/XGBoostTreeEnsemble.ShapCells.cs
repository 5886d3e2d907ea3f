using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

// Per-tree answer tables on top of the Fast TreeSHAP v2 tables, for rows without missing values.
//
// A tree's TreeSHAP values depend on the row only through the way it goes at each split, and a
// row goes the same way at every split of a tree on feature f as long as x_f stays between the
// same two of the tree's thresholds on f. So with k_f distinct thresholds on f, the tree has
// Π_f (k_f + 1) cells (4 to a few thousand for a depth-4 tree), and the values of each cell are
// computed once, by the tables (AddTableTree) on one row inside it, and stored: a row then costs,
// per tree, one comparison per distinct (feature, threshold) to find its cell, and one addition
// per distinct feature. The stored values are the very floats AddTableTree would add, added in
// the same order, so the results are bit-identical to the tables'. A missing value would need
// one more cell per feature (NaN takes each split's default way); rows with one use the tables.
public sealed partial class XGBoostTreeEnsemble
{
    // A tree's cells × its distinct features, in floats (1 MiB); a tree with more keeps the
    // per-leaf tables.
    internal const int MaxCellValuesPerTree = 1 << 18;

    /// <summary>Number of trees answered from cells for rows without missing values (builds the tables and cells if needed).</summary>
    internal int ShapCellTreeCount => shapTables.Value.Cells.CelledTreeCount;

    /// <summary>Bytes held by the cells (builds the tables and cells if needed).</summary>
    internal long ShapCellBytes => shapTables.Value.Cells.Bytes;

    /// <summary>True once the cells have been built; a diagnostic that builds nothing.</summary>
    internal bool ShapCellsBuilt => shapTables.IsValueCreated && shapTables.Value.CellsBuilt;

    // One tree from its cells: the cell's offset is the sum of the strides of the thresholds
    // the row reaches (x ≥ threshold: the split sends it right), branch-free like Step. The
    // caller checked the row has no NaN.
    private static void AddCellTree(
        ShapCells cells,
        int[] treeFeature,
        int tree,
        ReadOnlySpan<float> row,
        Span<float> phi
    )
    {
        var info = cells.Trees[tree];
        ref var x0 = ref MemoryMarshal.GetReference(row);

        // Indices are safe without bounds checks: the builder took features and strides from
        // the checked model and sized the values to every cell; the caller checked the row
        // length and phi holds one value per feature.
        ref var compare = ref Unsafe.Add(
            ref MemoryMarshal.GetArrayDataReference(cells.Compares),
            info.CompareStart
        );
        var at = info.ValueStart;
        for (var c = 0; c < info.CompareCount; c++)
        {
            ref readonly var n = ref Unsafe.Add(ref compare, c);
            int reached = Unsafe.BitCast<bool, byte>(
                !(Unsafe.Add(ref x0, n.Feature) < n.Threshold)
            );
            at += n.Stride & -reached;
        }

        ref var value = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(cells.Values), at);
        ref var features = ref Unsafe.Add(
            ref MemoryMarshal.GetArrayDataReference(treeFeature),
            info.FeatureStart
        );
        ref var phi0 = ref MemoryMarshal.GetReference(phi);
        for (var k = 0; k < info.FeatureCount; k++)
        {
            Unsafe.Add(ref phi0, Unsafe.Add(ref features, k)) += Unsafe.Add(ref value, k);
        }
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

    // Cells for the tabled trees, in tree order, while they fit the budget left by the tables.
    // A tree is left to its tables when a threshold is NaN, or its cells × distinct features
    // exceed MaxCellValuesPerTree or what is left of the budget. Two passes: sizes first, so
    // the values go straight into one array.
    private ShapCells BuildShapCells(ShapTables tables, long budgetBytes)
    {
        var trees = new CellTree[TreeCount];
        var thresholds = new List<float>[TreeCount][];
        var valueEnd = new int[TreeCount];
        var compares = new List<CellCompare>();
        var remaining = budgetBytes;
        var celled = 0;
        var valueCount = 0;
        long bytes = 0;
        for (var t = 0; t < TreeCount; t++)
        {
            var info = tables.Trees[t];
            var tree = info.IsTabled ? TreeThresholds(tables, info) : null;
            if (tree is null)
            {
                continue;
            }

            var d = info.FeatureCount;
            long cells = 1;
            var compareCount = 0;
            foreach (var list in tree)
            {
                cells = Math.Min(cells * (list.Count + 1), MaxCellValuesPerTree + 1L);
                compareCount += list.Count;
            }

            var cost =
                (cells * d * sizeof(float)) + (compareCount * (long)Unsafe.SizeOf<CellCompare>());
            if (cells * d > MaxCellValuesPerTree || cost > remaining)
            {
                continue;
            }

            // Strides: slot 0 varies fastest; each already multiplied by d (a cell's values are
            // its d features side by side).
            var compareStart = compares.Count;
            var stride = d;
            for (var k = 0; k < d; k++)
            {
                var f = tables.TreeFeature[info.FeatureStart + k];
                foreach (var th in tree[k])
                {
                    compares.Add(new CellCompare(th, f, stride));
                }

                stride *= tree[k].Count + 1;
            }

            thresholds[t] = tree;
            trees[t] = new CellTree(
                true,
                compareStart,
                compareCount,
                valueCount,
                info.FeatureStart,
                d
            );
            valueCount += (int)(cells * d);
            valueEnd[t] = valueCount;
            remaining -= cost;
            bytes += cost;
            celled++;
        }

        var values = new float[valueCount];
        var row = new float[FeatureCount];
        var scratch = new float[FeatureCount + 1];
        Span<int> unsatisfied = stackalloc int[tables.MaxTreeNodes];
        for (var t = 0; t < TreeCount; t++)
        {
            if (trees[t].IsCelled)
            {
                FillCells(
                    tables,
                    t,
                    thresholds[t],
                    values.AsSpan(trees[t].ValueStart..valueEnd[t]),
                    row,
                    scratch,
                    unsatisfied
                );
            }
        }

        return new ShapCells
        {
            Trees = trees,
            Compares = [.. compares],
            Values = values,
            CelledTreeCount = celled,
            Bytes = bytes,
        };
    }

    // Each distinct feature's distinct thresholds in the tree, ascending; null if one is NaN.
    private static List<float>[]? TreeThresholds(ShapTables tables, TableTree info)
    {
        var thresholds = new List<float>[info.FeatureCount];
        for (var k = 0; k < thresholds.Length; k++)
        {
            thresholds[k] = [];
        }

        for (var s = info.SplitStart; s < info.SplitStart + info.SplitCount; s++)
        {
            var split = tables.Splits[s];
            if (float.IsNaN(split.Threshold))
            {
                return null;
            }

            var k = Array.IndexOf(
                tables.TreeFeature,
                split.Feature,
                info.FeatureStart,
                info.FeatureCount
            );
            var list = thresholds[k - info.FeatureStart];
            if (!list.Contains(split.Threshold))
            {
                list.Add(split.Threshold);
            }
        }

        foreach (var list in thresholds)
        {
            list.Sort();
        }

        return thresholds;
    }

    // Every cell's values, by the tables on a row inside the cell: for bin b of a feature, the
    // b-th threshold (it reaches the b lowest thresholds and no higher one; x ≥ threshold is
    // what sends a row right), and −∞ for bin 0. Cells in stride order (slot 0 fastest), counted
    // like an odometer.
    private static void FillCells(
        ShapTables tables,
        int tree,
        List<float>[] thresholds,
        Span<float> values,
        float[] row,
        float[] scratch,
        Span<int> unsatisfied
    )
    {
        var d = thresholds.Length;
        var features = tables.TreeFeature.AsSpan(tables.Trees[tree].FeatureStart, d);
        Span<int> bin = stackalloc int[d];
        bin.Clear();
        for (var k = 0; k < d; k++)
        {
            row[features[k]] = float.NegativeInfinity;
        }

        for (var at = 0; at < values.Length; at += d)
        {
            // −0 is the identity of float addition, so each slot ends up holding exactly the
            // value AddTableTree adds to it.
            for (var k = 0; k < d; k++)
            {
                scratch[features[k]] = -0f;
            }

            AddTableTree(tables, tree, row, scratch, unsatisfied);
            for (var k = 0; k < d; k++)
            {
                values[at + k] = scratch[features[k]];
            }

            for (var k = 0; k < d; k++)
            {
                if (++bin[k] <= thresholds[k].Count)
                {
                    row[features[k]] = thresholds[k][bin[k] - 1];
                    break;
                }

                bin[k] = 0;
                row[features[k]] = float.NegativeInfinity;
            }
        }
    }

    private sealed class ShapCells
    {
        /// <summary>Per tree: where its comparisons and cells are, or not celled.</summary>
        public required CellTree[] Trees { get; init; }

        /// <summary>Celled trees' distinct (feature, threshold) pairs, each tree's together.</summary>
        public required CellCompare[] Compares { get; init; }

        /// <summary>Per celled tree, per cell, one value per distinct feature (TreeFeature order).</summary>
        public required float[] Values { get; init; }

        public required int CelledTreeCount { get; init; }

        public required long Bytes { get; init; }
    }

    // FeatureStart/FeatureCount: the tree's distinct features in ShapTables.TreeFeature.
    private readonly record struct CellTree(
        bool IsCelled,
        int CompareStart,
        int CompareCount,
        int ValueStart,
        int FeatureStart,
        int FeatureCount
    );

    // Stride: what reaching this threshold adds to the cell's offset in Values.
    private readonly record struct CellCompare(float Threshold, int Feature, int Stride);
}
