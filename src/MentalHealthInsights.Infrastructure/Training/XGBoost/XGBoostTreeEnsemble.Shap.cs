namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

public sealed partial class XGBoostTreeEnsemble
{
    // Above this depth the path buffer would not fit comfortably on the stack.
    private const int MaxStackPathElements = 4096;

    /// <summary>
    /// Exact TreeSHAP contributions of one row (XGBoost's <c>pred_contribs</c>): one value per
    /// feature, then the bias (expected margin + base margin) last. The values add up to
    /// <see cref="Margin"/> up to float rounding. Allocates no managed memory for ordinary depths.
    /// </summary>
    /// <remarks>
    /// Trees within the table budget use precomputed per-leaf tables (Fast TreeSHAP v2, built
    /// once on the first call; see XGBoostTreeEnsemble.ShapTables.cs) and, for rows without
    /// missing values, the per-tree answers those tables give in each cell of the tree's
    /// thresholds (XGBoostTreeEnsemble.ShapCells.cs: the same floats); the others run Lundberg et
    /// al.'s algorithm 2 as XGBoost 1.7 implements it. Either way each tree's values are added to
    /// the result in float in tree order, as XGBoost does, so results match the native library.
    /// </remarks>
    /// <param name="row">Exactly <see cref="FeatureCount"/> values; NaN = missing.</param>
    /// <param name="destination">At least <see cref="FeatureCount"/> + 1 values; overwritten.</param>
    public void Contributions(ReadOnlySpan<float> row, Span<float> destination) =>
        ContributionsCore(row, destination, useCells: true);

    /// <summary>
    /// <see cref="Contributions"/> without the cells (tables and reference algorithm only): what
    /// the cells are tested against, bit for bit.
    /// </summary>
    internal void TableContributions(ReadOnlySpan<float> row, Span<float> destination) =>
        ContributionsCore(row, destination, useCells: false);

    private void ContributionsCore(ReadOnlySpan<float> row, Span<float> destination, bool useCells)
    {
        var phi = CheckContributionArguments(row, destination);
        var tables = shapTables.Value;
        var cells = useCells && !ContainsNaN(row) ? shapCells.IfBuilt() : null;
        var needsReference = tables.TabledTreeCount < TreeCount;
        var pathLength = needsReference ? ReferencePathLength : 0;
        Span<PathElement> path =
            pathLength <= MaxStackPathElements
                ? stackalloc PathElement[pathLength]
                : new PathElement[pathLength];
        var treePhiLength = needsReference ? FeatureCount + 1 : 0;
        Span<float> treePhi =
            treePhiLength < 1024 ? stackalloc float[treePhiLength] : new float[treePhiLength];
        Span<int> unsatisfied = stackalloc int[tables.MaxTreeNodes];
        for (var t = 0; t < TreeCount; t++)
        {
            if (cells is not null && cells.Trees[t].IsCelled)
            {
                AddCellTree(cells, tables.TreeFeature, t, row, phi);
            }
            else if (tables.Trees[t].IsTabled)
            {
                AddTableTree(tables, t, row, phi, unsatisfied);
            }
            else
            {
                AddReferenceTree(t, row, phi, path, treePhi);
            }
        }

        phi[FeatureCount] = contributionBias;
    }

    /// <summary>
    /// <see cref="Contributions"/> by the reference algorithm alone (XGBoost's
    /// <c>RegTree::TreeShap</c> on every tree, no tables): what the tables are tested against.
    /// </summary>
    internal void ReferenceContributions(ReadOnlySpan<float> row, Span<float> destination)
    {
        var phi = CheckContributionArguments(row, destination);
        var pathLength = ReferencePathLength;
        Span<PathElement> path =
            pathLength <= MaxStackPathElements
                ? stackalloc PathElement[pathLength]
                : new PathElement[pathLength];
        Span<float> treePhi =
            FeatureCount < 1024 ? stackalloc float[FeatureCount + 1] : new float[FeatureCount + 1];
        for (var t = 0; t < TreeCount; t++)
        {
            AddReferenceTree(t, row, phi, path, treePhi);
        }

        phi[FeatureCount] = contributionBias;
    }

    // The buffer RegTree::TreeShap needs: one copy of the unique path per level.
    private int ReferencePathLength => (maxDepth + 2) * (maxDepth + 3) / 2;

    private Span<float> CheckContributionArguments(ReadOnlySpan<float> row, Span<float> destination)
    {
        ModelGuard.CheckRow(row, FeatureCount);
        if (destination.Length < FeatureCount + 1)
        {
            throw new ArgumentException(
                "The destination needs one value per feature plus the bias.",
                nameof(destination)
            );
        }

        var phi = destination[..(FeatureCount + 1)];
        phi.Clear();
        return phi;
    }

    // One tree by RegTree::TreeShap: its values summed in float into treePhi, then added to phi
    // in float, as XGBoost's CPU predictor does (the bias, the tree's mean value, is added by
    // the caller: treePhi's bias slot would hold only that).
    private void AddReferenceTree(
        int tree,
        ReadOnlySpan<float> row,
        Span<float> phi,
        Span<PathElement> path,
        Span<float> treePhi
    )
    {
        treePhi.Clear();
        TreeShap(row, treePhi, treeStart[tree], 0, path, 0, 1f, 1f, -1);
        for (var c = 0; c < FeatureCount; c++)
        {
            phi[c] += treePhi[c];
        }
    }

    // RegTree::TreeShap with condition = 0 (plain SHAP values). parentStart is where the
    // parent's copy of the unique path begins inside the shared buffer; each level copies it
    // one slot further on, exactly as XGBoost lays it out.
    private void TreeShap(
        ReadOnlySpan<float> row,
        Span<float> phi,
        int node,
        int uniqueDepth,
        Span<PathElement> buffer,
        int parentStart,
        float parentZeroFraction,
        float parentOneFraction,
        int parentFeature
    )
    {
        var start = parentStart + uniqueDepth + 1;
        buffer.Slice(parentStart, uniqueDepth + 1).CopyTo(buffer[start..]);
        var path = buffer[start..];
        ExtendPath(path, uniqueDepth, parentZeroFraction, parentOneFraction, parentFeature);

        if (left[node] < 0)
        {
            var leafValue = threshold[node];
            for (var i = 1; i <= uniqueDepth; i++)
            {
                var w = UnwoundPathSum(path, uniqueDepth, i);
                ref readonly var element = ref path[i];
                phi[element.FeatureIndex] +=
                    w * (element.OneFraction - element.ZeroFraction) * leafValue;
            }

            return;
        }

        var split = feature[node];
        var x = row[split];
        var hot =
            float.IsNaN(x) ? (defaultLeft[node] ? left[node] : right[node])
            : x < threshold[node] ? left[node]
            : right[node];
        var cold = hot == left[node] ? right[node] : left[node];
        var w0 = cover[node];
        var hotZeroFraction = cover[hot] / w0;
        var coldZeroFraction = cover[cold] / w0;
        var incomingZeroFraction = 1f;
        var incomingOneFraction = 1f;

        // A feature already on the path is unwound so that this split can redo it.
        var pathIndex = 0;
        for (; pathIndex <= uniqueDepth; pathIndex++)
        {
            if (path[pathIndex].FeatureIndex == split)
            {
                break;
            }
        }

        if (pathIndex != uniqueDepth + 1)
        {
            incomingZeroFraction = path[pathIndex].ZeroFraction;
            incomingOneFraction = path[pathIndex].OneFraction;
            UnwindPath(path, uniqueDepth, pathIndex);
            uniqueDepth -= 1;
        }

        TreeShap(
            row,
            phi,
            hot,
            uniqueDepth + 1,
            buffer,
            start,
            hotZeroFraction * incomingZeroFraction,
            incomingOneFraction,
            split
        );
        TreeShap(
            row,
            phi,
            cold,
            uniqueDepth + 1,
            buffer,
            start,
            coldZeroFraction * incomingZeroFraction,
            0f,
            split
        );
    }

    private static void ExtendPath(
        Span<PathElement> path,
        int uniqueDepth,
        float zeroFraction,
        float oneFraction,
        int featureIndex
    )
    {
        path[uniqueDepth] = new PathElement
        {
            FeatureIndex = featureIndex,
            ZeroFraction = zeroFraction,
            OneFraction = oneFraction,
            PWeight = uniqueDepth == 0 ? 1.0f : 0.0f,
        };
        var denominator = (float)(uniqueDepth + 1);
        for (var i = uniqueDepth - 1; i >= 0; i--)
        {
            path[i + 1].PWeight += oneFraction * path[i].PWeight * (i + 1) / denominator;
            path[i].PWeight = zeroFraction * path[i].PWeight * (uniqueDepth - i) / denominator;
        }
    }

    private static void UnwindPath(Span<PathElement> path, int uniqueDepth, int pathIndex)
    {
        var oneFraction = path[pathIndex].OneFraction;
        var zeroFraction = path[pathIndex].ZeroFraction;
        var nextOnePortion = path[uniqueDepth].PWeight;
        var denominator = (float)(uniqueDepth + 1);
        for (var i = uniqueDepth - 1; i >= 0; --i)
        {
            if (oneFraction != 0)
            {
                var tmp = path[i].PWeight;
                path[i].PWeight = nextOnePortion * (uniqueDepth + 1) / ((i + 1) * oneFraction);
                nextOnePortion =
                    tmp - (path[i].PWeight * zeroFraction * (uniqueDepth - i) / denominator);
            }
            else
            {
                path[i].PWeight =
                    path[i].PWeight * (uniqueDepth + 1) / (zeroFraction * (uniqueDepth - i));
            }
        }

        for (var i = pathIndex; i < uniqueDepth; ++i)
        {
            path[i].FeatureIndex = path[i + 1].FeatureIndex;
            path[i].ZeroFraction = path[i + 1].ZeroFraction;
            path[i].OneFraction = path[i + 1].OneFraction;
        }
    }

    private static float UnwoundPathSum(
        ReadOnlySpan<PathElement> path,
        int uniqueDepth,
        int pathIndex
    )
    {
        var oneFraction = path[pathIndex].OneFraction;
        var zeroFraction = path[pathIndex].ZeroFraction;
        var nextOnePortion = path[uniqueDepth].PWeight;
        var total = 0f;
        for (var i = uniqueDepth - 1; i >= 0; --i)
        {
            if (oneFraction != 0)
            {
                var tmp = nextOnePortion * (uniqueDepth + 1) / ((i + 1) * oneFraction);
                total += tmp;
                nextOnePortion =
                    path[i].PWeight
                    - (tmp * zeroFraction * ((uniqueDepth - i) / (float)(uniqueDepth + 1)));
            }
            else if (zeroFraction != 0)
            {
                total +=
                    path[i].PWeight / zeroFraction / ((uniqueDepth - i) / (float)(uniqueDepth + 1));
            }
        }

        return total;
    }

    // XGBoost's PathElement: one feature on the unique path of splits from the root.
    private struct PathElement
    {
        public int FeatureIndex;
        public float ZeroFraction;
        public float OneFraction;
        public float PWeight;
    }
}
