using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

public sealed partial class XGBoostTreeEnsemble
{
    // Rows per AVX-512 register (one float lane each) and per AVX2 register.
    private const int Lanes512 = 16;
    private const int Lanes256 = 8;

    // Rows per pass over the trees: one AVX-512 register or two AVX2 registers, which share
    // each node's column offset, threshold and mask and give the processor two independent
    // chains of compares.
    private const int PassRows = 16;

    // The deepest ensemble evaluated with vectors: 2^5 = 32 leaves are two AVX-512 registers
    // (four AVX2 registers).
    private const int MaxVectorDepth = 5;

    // Widest rows transposed on the stack (16 rows × 256 floats = 16 KB).
    private const int MaxVectorFeatures = 256;

    // The trees again, each padded to a perfect tree of depth vectorDepth in heap order (node k's
    // children are 2k + 1 and 2k + 2): a leaf above that depth becomes a node whose descendants
    // all hold its value, so whichever way they go the leaf value is the same. Built for the
    // widest registers this machine has (AVX-512 F and CD: 16 rows per register, the exit leaf
    // found with lzcnt; else AVX2: 8 rows); null without either, or when the trees are too deep
    // or too wide: the scalar block walk is used then.
    private readonly VectorLayout? vector;

    /// <summary>True when <see cref="Probabilities"/> evaluates many rows per vector register.</summary>
    internal bool UsesVectors => vector is not null;

    /// <summary>Rows per register of the vector path: 16 (AVX-512), 8 (AVX2) or 0 (scalar walk).</summary>
    internal int VectorLanes => vector?.Lanes ?? 0;

    /// <summary>Rows per register the vector path uses on this machine (0 = none).</summary>
    internal static int WidestVectorLanes => VectorPaths.Widest(Lanes512, Lanes256);

    /// <summary>
    /// <see cref="Probabilities"/> with <paramref name="lanes"/> rows per register (16, 8, or 0
    /// for the scalar block walk) whatever this machine would choose, so tests cover every path
    /// the hardware can run.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">The machine lacks the instructions.</exception>
    internal void ProbabilitiesWithLanes(
        ReadOnlySpan<float> rows,
        Span<float> destination,
        int lanes
    )
    {
        VectorPaths.CheckRunnable(lanes, Lanes512, Lanes256);

        ProbabilitiesWith(lanes == 0 ? null : BuildVectorLayout(lanes), rows, destination);
    }

    private VectorLayout? BuildVectorLayout(int lanes)
    {
        var depth = 0;
        foreach (var d in blockDepth)
        {
            depth = Math.Max(depth, d);
        }

        if (lanes == 0 || depth > MaxVectorDepth || FeatureCount > MaxVectorFeatures)
        {
            return null;
        }

        var inner = (1 << depth) - 1;
        var leafSlots = Math.Max(lanes, 1 << depth);
        var layout = new VectorLayout(
            lanes,
            depth,
            new int[TreeCount * inner],
            new float[TreeCount * inner],
            new int[TreeCount * inner],
            new int[TreeCount * inner],
            new int[TreeCount * inner],
            new float[TreeCount * leafSlots]
        );
        for (var t = 0; t < TreeCount; t++)
        {
            Place(layout, t, treeStart[t], 0, 0);
        }

        return layout;
    }

    private void Place(VectorLayout layout, int tree, int node, int slot, int depth)
    {
        var inner = layout.InnerCount;
        if (left[node] < 0)
        {
            PlaceLeaf(layout, tree, threshold[node], slot, depth);
            return;
        }

        var at = (tree * inner) + slot;
        layout.ColumnOffset[at] = feature[node] * PassRows;
        layout.Threshold[at] = threshold[node];
        layout.DefaultLeft[at] = defaultLeft[node] ? -1 : 0;
        layout.RightMask[at] = RightMask(slot, depth, layout.Depth);
        layout.RuledOut[at] = ~layout.RightMask[at];
        Place(layout, tree, left[node], (2 * slot) + 1, depth + 1);
        Place(layout, tree, right[node], (2 * slot) + 2, depth + 1);
    }

    // The leaves (bit i = leaf i, left to right) still reachable after the node at heap slot
    // `slot` and depth `depth` sends a row right: all but those of its left subtree.
    private static int RightMask(int slot, int depth, int treeDepth)
    {
        var first = (slot - ((1 << depth) - 1)) << (treeDepth - depth);
        var size = 1 << (treeDepth - depth - 1);
        return (int)~(((1L << size) - 1) << first);
    }

    private static void PlaceLeaf(VectorLayout layout, int tree, float value, int slot, int depth)
    {
        if (depth == layout.Depth)
        {
            layout.Leaves[(tree * layout.LeafSlots) + slot - layout.InnerCount] = value;
            return;
        }

        // A padding node: any decision gives the same value (feature 0 is always present).
        var at = (tree * layout.InnerCount) + slot;
        layout.ColumnOffset[at] = 0;
        layout.Threshold[at] = float.PositiveInfinity;
        layout.DefaultLeft[at] = -1;
        layout.RightMask[at] = -1;
        layout.RuledOut[at] = 0;
        PlaceLeaf(layout, tree, value, (2 * slot) + 1, depth + 1);
        PlaceLeaf(layout, tree, value, (2 * slot) + 2, depth + 1);
    }

    /// <summary>
    /// Sets <paramref name="margins"/> to the base margin plus every tree's leaf value, 16 rows
    /// per pass (one AVX-512 register or two AVX2 registers): each node's test is done for 16 rows at once (a compare against the
    /// feature's column); a node that sends a row right rules out its left subtree's leaves
    /// (one AND of a per-node leaf mask), and the row's leaf is the leftmost one left
    /// (QuickScorer's exit leaf: Lucchese et al., "QuickScorer: A Fast Algorithm to Rank
    /// Documents with Additive Ensembles of Regression Trees", SIGIR 2015). It is the leaf the
    /// walk reaches, so per row the additions are the scalar walk's, in the same tree order, and
    /// the sums are equal bit for bit.
    /// </summary>
    /// <remarks>
    /// This and the three helpers below are compiled optimised on first use
    /// (AggressiveOptimization). ReadyToRun does not precompile AVX-512 code, so they used to
    /// start in the unoptimised tier, where nothing is inlined (each tree called LeafValues with
    /// its vectors on the stack), until on-stack replacement and then tier 1 took over: a
    /// 1,000,000-row batch compiled AddTreesNoNaN three times.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MarginsVector(VectorLayout layout, ReadOnlySpan<float> rows, Span<float> margins)
    {
        var width = FeatureCount;
        Span<float> columns = stackalloc float[width * PassRows];
        Span<float> sums = stackalloc float[PassRows];
        for (var start = 0; start < margins.Length; start += PassRows)
        {
            var count = Math.Min(PassRows, margins.Length - start);
            var hasNaN = Transpose(rows.Slice(start * width, count * width), width, columns);
            if (layout.Lanes == Lanes512)
            {
                var margin = Vector512.Create(BaseMargin);
                margin = hasNaN
                    ? AddTreesWithNaN(layout, columns, margin)
                    : AddTreesNoNaN(layout, columns, margin);
                margin.CopyTo(sums);
            }
            else if (hasNaN)
            {
                AddTreesWithNaN256(layout, columns, BaseMargin, sums);
            }
            else
            {
                AddTreesNoNaN256(layout, columns, BaseMargin, sums);
            }

            sums[..count].CopyTo(margins.Slice(start, count));
        }
    }

    // Column-major copy (feature f of lane i at f × lanes + i, lanes = columns.Length / width);
    // missing lanes of a partial block are 0 and their results are dropped. Returns true when
    // any value is NaN.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Transpose(ReadOnlySpan<float> rows, int width, Span<float> columns)
    {
        var lanes = columns.Length / width;
        var count = rows.Length / width;
        if (count < lanes)
        {
            columns.Clear();
        }

        var nan = false;
        for (var i = 0; i < count; i++)
        {
            var row = rows.Slice(i * width, width);
            for (var f = 0; f < width; f++)
            {
                var x = row[f];
                nan |= float.IsNaN(x);
                columns[(f * lanes) + i] = x;
            }
        }

        return nan;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector512<float> AddTreesNoNaN(
        VectorLayout layout,
        ReadOnlySpan<float> columns,
        Vector512<float> margin
    )
    {
        ref var column = ref MemoryMarshal.GetReference(columns);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(layout.ColumnOffset);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(layout.Threshold);
        var inner = layout.InnerCount;
        // Hoisted: the count is a division, which the JIT left in the loop condition.
        var trees = layout.TreeCount;
        ref var masks = ref MemoryMarshal.GetArrayDataReference(layout.RightMask);
        for (var t = 0; t < trees; t++)
        {
            var reachable = Vector512<int>.AllBitsSet;
            var node = (nint)t * inner;
            for (var k = 0; k < inner; k++, node++)
            {
                var x = Vector512.LoadUnsafe(ref column, (nuint)Unsafe.Add(ref offsets, node));
                // Without NaN, "not x < threshold" (go right) is x ≥ threshold.
                var right = Vector512.GreaterThanOrEqual(
                    x,
                    Vector512.Create(Unsafe.Add(ref thresholds, node))
                );
                reachable = Vector512.ConditionalSelect(
                    right.AsInt32(),
                    reachable & Vector512.Create(Unsafe.Add(ref masks, node)),
                    reachable
                );
            }

            margin += LeafValues(layout, t, reachable);
        }

        return margin;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector512<float> AddTreesWithNaN(
        VectorLayout layout,
        ReadOnlySpan<float> columns,
        Vector512<float> margin
    )
    {
        ref var column = ref MemoryMarshal.GetReference(columns);
        var inner = layout.InnerCount;
        var trees = layout.TreeCount;
        for (var t = 0; t < trees; t++)
        {
            var reachable = Vector512<int>.AllBitsSet;
            var node = t * inner;
            for (var k = 0; k < inner; k++, node++)
            {
                var x = Vector512.LoadUnsafe(ref column, (nuint)layout.ColumnOffset[node]);
                // As the scalar walk: x < threshold goes left, NaN goes the default way.
                var goesLeft = Vector512.LessThan(x, Vector512.Create(layout.Threshold[node]));
                var nan = ~Vector512.Equals(x, x).AsInt32();
                var defaultLeft = Vector512.Create(layout.DefaultLeft[node]);
                var right = ~(goesLeft.AsInt32() | (nan & defaultLeft));
                reachable = Vector512.ConditionalSelect(
                    right,
                    reachable & Vector512.Create(layout.RightMask[node]),
                    reachable
                );
            }

            margin += LeafValues(layout, t, reachable);
        }

        return margin;
    }

    // Each lane's exit leaf is the leftmost leaf still reachable (QuickScorer's rule: every
    // leaf left of it shares an ancestor on its path that went right and ruled it out; a node off
    // the path only rules out leaves of its own subtree), then its value is looked up.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LeafValues(
        VectorLayout layout,
        int tree,
        Vector512<int> reachable
    )
    {
        var lowest = reachable & -reachable;
        var leaf = Vector512.Create(31) - Avx512CD.LeadingZeroCount(lowest.AsUInt32()).AsInt32();
        ref var leaves = ref MemoryMarshal.GetArrayDataReference(layout.Leaves);
        var offset = (nuint)(tree * layout.LeafSlots);
        var low = Vector512.LoadUnsafe(ref leaves, offset);
        return layout.LeafSlots == Lanes512
            ? Avx512F.PermuteVar16x32(low, leaf)
            : Avx512F.PermuteVar16x32x2(
                low,
                leaf,
                Vector512.LoadUnsafe(ref leaves, offset + Lanes512)
            );
    }

    /// <summary>The padded perfect trees: nodes per tree 2^Depth − 1, leaves per tree LeafSlots.</summary>
    private sealed class VectorLayout(
        int lanes,
        int depth,
        int[] columnOffset,
        float[] threshold,
        int[] defaultLeft,
        int[] rightMask,
        int[] ruledOut,
        float[] leaves
    )
    {
        /// <summary>Rows per register: 16 (AVX-512) or 8 (AVX2).</summary>
        public int Lanes { get; } = lanes;

        public int Depth { get; } = depth;

        public int InnerCount { get; } = (1 << depth) - 1;

        public int LeafSlots { get; } = Math.Max(lanes, 1 << depth);

        public int TreeCount => Leaves.Length / LeafSlots;

        /// <summary>Where the node's feature column starts in the transposed block: feature × PassRows.</summary>
        public int[] ColumnOffset { get; } = columnOffset;

        public float[] Threshold { get; } = threshold;

        /// <summary>−1 (all bits) when a missing value goes left, else 0.</summary>
        public int[] DefaultLeft { get; } = defaultLeft;

        /// <summary>
        /// The leaves (bit i = leaf i, left to right) a row can still reach after the node sends it
        /// right: every bit but those of the node's left subtree; all bits for a padding node.
        /// </summary>
        public int[] RightMask { get; } = rightMask;

        /// <summary>
        /// The complement of <see cref="RightMask"/>: the node's left-subtree leaves, which a right
        /// turn rules out (none for a padding node). The AVX2 path clears them with one vpandn.
        /// </summary>
        public int[] RuledOut { get; } = ruledOut;

        public float[] Leaves { get; } = leaves;
    }
}
