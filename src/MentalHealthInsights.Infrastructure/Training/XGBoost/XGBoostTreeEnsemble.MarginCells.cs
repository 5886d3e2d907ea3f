using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

// Leaf values per cell (see XGBoostTreeEnsemble.Cells.cs), for one-row margins of rows without
// missing values: a tree's leaf is found by its distinct (feature, threshold) comparisons, all
// made, branch-free, instead of a walk whose every step a branch predictor guesses wrong about
// half the time. The leaf values are added in tree order from the base margin, the walk's very
// float additions, so the margin is bit-identical to the walk's.
public sealed partial class XGBoostTreeEnsemble
{
    // A tree's cells (one float each): 256 KiB; a tree with more keeps the walk.
    internal const int MaxMarginCellsPerTree = 1 << 16;

    // All trees' leaf cells: 16 MiB at most; trees beyond it keep the walk.
    internal const long MarginCellBudgetBytes = 16L << 20;

    /// <summary>Number of trees whose one-row margin comes from cells (builds them if needed).</summary>
    internal int MarginCellTreeCount => marginCells.Value.CelledTreeCount;

    /// <summary>True once the leaf cells have been built; a diagnostic that builds nothing.</summary>
    internal bool MarginCellsBuilt => marginCells.IsBuilt;

    /// <summary><see cref="Margin"/> by the walk alone: what the cells are tested against.</summary>
    internal float WalkMargin(ReadOnlySpan<float> row)
    {
        CheckRow(row);
        return WalkMarginCore(row);
    }

    private float WalkMarginCore(ReadOnlySpan<float> row)
    {
        var sum = BaseMargin;
        for (var t = 0; t < TreeCount; t++)
        {
            sum += walk[Leaf(treeStart[t], row)].Threshold;
        }

        return sum;
    }

    // Each tree's leaf value from its cell, or by the walk for a tree without cells, added in
    // tree order. The caller checked the row's length and that it has no NaN.
    private float CellMargin(MarginCells cells, ReadOnlySpan<float> row)
    {
        ref var x0 = ref MemoryMarshal.GetReference(row);
        ref var compares = ref MemoryMarshal.GetArrayDataReference(cells.Compares);
        ref var values = ref MemoryMarshal.GetArrayDataReference(cells.Values);
        var sum = BaseMargin;
        for (var t = 0; t < TreeCount; t++)
        {
            var info = cells.Trees[t];
            sum += info.IsCelled
                ? Unsafe.Add(
                    ref values,
                    info.ValueStart
                        + CellOffset(
                            ref Unsafe.Add(ref compares, info.CompareStart),
                            info.CompareCount,
                            ref x0
                        )
                )
                : walk[Leaf(treeStart[t], row)].Threshold;
        }

        return sum;
    }

    // Leaf cells for every tree, in tree order, while they fit MaxMarginCellsPerTree and the
    // budget; each cell's value is the walk's leaf on one row inside it.
    private MarginCells BuildMarginCells()
    {
        var trees = new LeafCellTree[TreeCount];
        var compares = new List<CellCompare>();
        var values = new List<float>();
        var row = new float[FeatureCount];
        var remaining = MarginCellBudgetBytes;
        var celled = 0;
        for (var t = 0; t < TreeCount; t++)
        {
            var features = SplitFeatures(t);
            var thresholds = features.Length > 0 ? SplitThresholds(t, features) : null;
            if (thresholds is null)
            {
                continue;
            }

            var cells = CellCount(thresholds, MaxMarginCellsPerTree);
            var compareCount = thresholds.Sum(list => list.Count);
            var cost =
                (cells * sizeof(float)) + (compareCount * (long)Unsafe.SizeOf<CellCompare>());
            if (cells > MaxMarginCellsPerTree || cost > remaining)
            {
                continue;
            }

            trees[t] = new LeafCellTree(true, compares.Count, compareCount, values.Count);
            AddCompares(compares, thresholds, features, 1);
            var odometer = new CellOdometer(thresholds, features, row);
            do
            {
                values.Add(walk[Leaf(treeStart[t], row)].Threshold);
            } while (odometer.Next());

            remaining -= cost;
            celled++;
        }

        return new MarginCells([.. trees], [.. compares], [.. values], celled);
    }

    private sealed record MarginCells(
        LeafCellTree[] Trees,
        CellCompare[] Compares,
        float[] Values,
        int CelledTreeCount
    );

    private readonly record struct LeafCellTree(
        bool IsCelled,
        int CompareStart,
        int CompareCount,
        int ValueStart
    );
}
