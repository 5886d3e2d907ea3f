using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

public sealed partial class XGBoostTreeEnsemble
{
    /// <summary>Rows evaluated together per tree: their features (≈ 10 KB) stay in the L1 cache.</summary>
    public const int BlockRows = 64;

    // The nodes again, laid out for block evaluation: each tree breadth-first with the two
    // children of a node side by side (right = left + 1), so a step is `left + goRight` with no
    // unpredictable branch; a leaf points to itself (threshold +∞ and default left: every finite
    // value and NaN "go left" = stay), so every row walks exactly its tree's depth.
    private readonly BlockNode[] blockNodes;
    private readonly float[] blockLeafValue;
    private readonly int[] blockRoot;
    private readonly int[] blockDepth;

    /// <summary>
    /// P(y = 1) of many rows at once, bit for bit what <see cref="Probability"/> returns for each
    /// row: the same float additions in tree order, only the loops swapped (tree-major over
    /// blocks of <see cref="BlockRows"/> rows), which lets the processor overlap the rows' walks.
    /// </summary>
    /// <param name="rows">Row-major features: <paramref name="destination"/>.Length × <see cref="FeatureCount"/> values; NaN = missing.</param>
    /// <param name="destination">One probability per row.</param>
    /// <exception cref="ArgumentException"><paramref name="rows"/> has the wrong length or an infinite value.</exception>
    public void Probabilities(ReadOnlySpan<float> rows, Span<float> destination) =>
        ProbabilitiesWith(vector, rows, destination);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProbabilitiesWith(
        VectorLayout? layout,
        ReadOnlySpan<float> rows,
        Span<float> destination
    )
    {
        // Also what makes the unchecked walk safe: an infinity would step out of a leaf.
        XGBoostInput.ValidateMatrix(rows, destination.Length, FeatureCount, nameof(rows), 0);

        Span<float> margins = stackalloc float[BlockRows];
        for (var start = 0; start < destination.Length; start += BlockRows)
        {
            var count = Math.Min(BlockRows, destination.Length - start);
            var block = margins[..count];
            var slice = rows.Slice(start * FeatureCount, count * FeatureCount);
            if (layout is null)
            {
                block.Fill(BaseMargin);
                AddTrees(slice, block);
            }
            else
            {
                MarginsVector(layout, slice, block);
            }

            for (var i = 0; i < count; i++)
            {
                destination[start + i] = Sigmoid(block[i]);
            }
        }
    }

    private void AddTrees(ReadOnlySpan<float> rows, Span<float> margins)
    {
        // Indices are safe without bounds checks: Build checked every tree (children inside
        // the tree, split features below FeatureCount) and the caller checked the row length.
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(blockNodes);
        ref var leaves = ref MemoryMarshal.GetArrayDataReference(blockLeafValue);
        ref var first = ref MemoryMarshal.GetReference(rows);
        ref var margin = ref MemoryMarshal.GetReference(margins);
        var width = FeatureCount;
        var count = margins.Length;
        for (var t = 0; t < blockRoot.Length; t++)
        {
            var root = blockRoot[t];
            var depth = blockDepth[t];
            for (var r = 0; r < count; r++)
            {
                ref var row = ref Unsafe.Add(ref first, r * width);
                var node = root;
                for (var d = 0; d < depth; d++)
                {
                    ref var n = ref Unsafe.Add(ref nodes, node);
                    node = n.Left + Step(Unsafe.Add(ref row, n.Feature), n.Threshold, n.FlipOnNaN);
                }

                Unsafe.Add(ref margin, r) += Unsafe.Add(ref leaves, node);
            }
        }
    }

    // 0 = left, 1 = right, as the one-row walk decides: x < threshold goes left, NaN takes the
    // default direction. Computed from flags, not branches: a split is a coin toss the branch
    // predictor loses about half the time. NaN fails `x < threshold` (right = 1), and
    // flipOnNaN (1 when the default is left) turns that into the default.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(float x, float threshold, int flipOnNaN)
    {
        int right = Unsafe.BitCast<bool, byte>(!(x < threshold));
        int nan = Unsafe.BitCast<bool, byte>(float.IsNaN(x));
        return right ^ (nan & flipOnNaN);
    }

    /// <summary>Lays the trees out breadth-first with sibling children (called once, by the constructor).</summary>
    private (BlockNode[] Nodes, float[] LeafValue, int[] Roots, int[] Depths) BuildBlockLayout()
    {
        var nodes = new BlockNode[NodeCount];
        var leafValue = new float[NodeCount];
        var roots = new int[TreeCount];
        var depths = new int[TreeCount];
        var queue = new Queue<(int Old, int New, int Depth)>();
        var next = 0;
        for (var t = 0; t < TreeCount; t++)
        {
            roots[t] = next;
            queue.Enqueue((treeStart[t], next++, 0));
            while (queue.TryDequeue(out var item))
            {
                var (old, at, depth) = item;
                depths[t] = Math.Max(depths[t], depth);
                if (left[old] < 0)
                {
                    nodes[at] = new BlockNode(float.PositiveInfinity, 0, at, 1);
                    leafValue[at] = threshold[old];
                    continue;
                }

                var children = next;
                next += 2;
                nodes[at] = new BlockNode(
                    threshold[old],
                    feature[old],
                    children,
                    defaultLeft[old] ? 1 : 0
                );
                queue.Enqueue((left[old], children, depth + 1));
                queue.Enqueue((right[old], children + 1, depth + 1));
            }
        }

        return (nodes, leafValue, roots, depths);
    }

    /// <summary>A node of the block layout (16 bytes); a leaf points to itself.</summary>
    private readonly record struct BlockNode(float Threshold, int Feature, int Left, int FlipOnNaN);
}
