using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

// TreeSHAP values per cell (see XGBoostTreeEnsemble.Cells.cs), on top of the Fast TreeSHAP v2
// tables, for rows without missing values: each cell's values are computed once, by the tables
// (AddTableTree) on one row inside it, and stored, so a row costs, per tree, one comparison per
// distinct (feature, threshold) to find its cell and one addition per distinct feature. The
// stored values are the very floats AddTableTree would add, added in the same order, so the
// results are bit-identical to the tables'.
public sealed partial class XGBoostTreeEnsemble
{
    // A tree's cells × its distinct features, in floats (1 MiB); a tree with more keeps the
    // per-leaf tables.
    internal const int MaxCellValuesPerTree = 1 << 18;

    /// <summary>Number of trees answered from cells for rows without missing values (builds the tables and cells if needed).</summary>
    internal int ShapCellTreeCount => shapCells.Value.CelledTreeCount;

    /// <summary>Bytes held by the cells (builds the tables and cells if needed).</summary>
    internal long ShapCellBytes => shapCells.Value.Bytes;

    /// <summary>True once the cells have been built; a diagnostic that builds nothing.</summary>
    internal bool ShapCellsBuilt => shapCells.IsBuilt;

    // One tree from its cells. The caller checked the row has no NaN.
    private static void AddCellTree(
        ShapCells cells,
        int[] treeFeature,
        int tree,
        ReadOnlySpan<float> row,
        Span<float> phi
    )
    {
        var info = cells.Trees[tree];

        // Indices are safe without bounds checks: the builder took features and strides from
        // the checked model and sized the values to every cell; the caller checked the row
        // length and phi holds one value per feature.
        var at =
            info.ValueStart
            + CellOffset(
                ref Unsafe.Add(
                    ref MemoryMarshal.GetArrayDataReference(cells.Compares),
                    info.CompareStart
                ),
                info.CompareCount,
                ref MemoryMarshal.GetReference(row)
            );
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
            var features = tables.TreeFeature.AsSpan(info.FeatureStart, info.FeatureCount);
            var tree = info.IsTabled ? SplitThresholds(t, features) : null;
            if (tree is null)
            {
                continue;
            }

            var d = info.FeatureCount;
            var cells = CellCount(tree, MaxCellValuesPerTree);
            var compareCount = tree.Sum(list => list.Count);
            var cost =
                (cells * d * sizeof(float)) + (compareCount * (long)Unsafe.SizeOf<CellCompare>());
            if (cells * d > MaxCellValuesPerTree || cost > remaining)
            {
                continue;
            }

            var compareStart = compares.Count;
            AddCompares(compares, tree, features, d);
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

    // Every cell's values, by the tables on a row inside the cell (CellOdometer's).
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
        var odometer = new CellOdometer(thresholds, features, row);
        var at = 0;
        do
        {
            // −0 is the identity of float addition, so each slot ends up holding exactly the
            // value AddTableTree adds to it.
            foreach (var f in features)
            {
                scratch[f] = -0f;
            }

            AddTableTree(tables, tree, row, scratch, unsatisfied);
            foreach (var f in features)
            {
                values[at++] = scratch[f];
            }
        } while (odometer.Next());
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
}
