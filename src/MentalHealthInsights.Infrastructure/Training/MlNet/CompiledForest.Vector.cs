using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

internal sealed partial class CompiledForest
{
    // Rows per vector: one double lane each in a 512-bit (AVX-512) or 256-bit (AVX2) register.
    private const int Lanes512 = 8;
    private const int Lanes256 = 4;

    // Rows per pass over the trees: one AVX-512 register or two AVX2 registers, which share
    // each split's column offset, threshold and mask.
    private const int PassRows = 8;

    // The trees laid out for exit-leaf scoring for the widest registers here, or null (neither
    // AVX-512 F and CD nor AVX2, or a tree of more than 64 leaves): the block walk of
    // CompiledTree is used then.
    private readonly VectorLayout? _vector;

    /// <summary>True when <see cref="Probabilities"/> scores several rows per vector register.</summary>
    internal bool UsesVectors => _vector is not null;

    /// <summary>Rows per register of the vector path: 8 (AVX-512), 4 (AVX2) or 0 (block walk).</summary>
    internal int VectorLanes => _vector?.Lanes ?? 0;

    /// <summary>Rows per register the vector path uses on this machine (0 = none).</summary>
    internal static int WidestVectorLanes => VectorPaths.Widest(Lanes512, Lanes256);

    /// <summary>
    /// <see cref="Probabilities"/> with <paramref name="lanes"/> rows per register (8, 4, or 0
    /// for the block walk) whatever this machine would choose, so tests cover every path the
    /// hardware can run.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">The machine lacks the instructions.</exception>
    /// <exception cref="InvalidOperationException">A tree has more than 64 leaves.</exception>
    internal void ProbabilitiesWithLanes(
        ReadOnlySpan<float> rows,
        Span<double> destination,
        int lanes
    )
    {
        VectorPaths.CheckRunnable(lanes, Lanes512, Lanes256);

        if (lanes == 0)
        {
            BlockWalk(rows, destination);
            return;
        }

        var layout =
            BuildVectorLayout(lanes)
            ?? throw new InvalidOperationException("A tree has more than 64 leaves.");
        ProbabilitiesVector(layout, rows, destination);
    }

    private VectorLayout? BuildVectorLayout(int lanes)
    {
        if (lanes == 0)
        {
            return null;
        }

        var layouts = _trees.Select(t => t.ExitLeafLayout()).ToArray();
        if (layouts.Any(l => l is null))
        {
            return null;
        }

        var nodes = layouts.Sum(l => l!.Value.Feature.Length);
        var layout = new VectorLayout(
            lanes,
            new int[_trees.Length + 1],
            new int[nodes],
            new double[nodes],
            new ulong[nodes],
            new double[_trees.Length * 64]
        );
        var at = 0;
        for (var t = 0; t < layouts.Length; t++)
        {
            var (feature, threshold, mask, values) = layouts[t]!.Value;
            layout.NodeStart[t] = at;
            for (var n = 0; n < feature.Length; n++, at++)
            {
                layout.ColumnOffset[at] = feature[n] * PassRows;
                layout.Threshold[at] = threshold[n];
                layout.RightMask[at] = mask[n];
            }

            values.CopyTo(layout.Values, t * 64);
        }

        layout.NodeStart[^1] = at;
        return layout;
    }

    /// <summary>
    /// <see cref="Probabilities"/> 8 rows per pass (one AVX-512 register or two AVX2 registers): each split's test is one compare of a
    /// feature column (as doubles: widening keeps every float's order and NaN) against its
    /// threshold; a split that sends a row right — <c>x ≤ threshold</c> fails, NaN included, as
    /// in <see cref="CompiledTree.FindLeaf"/> — rules out its left subtree's leaves (one masked
    /// AND of 64-bit leaf masks), and the row's leaf is the leftmost one left, the leaf the walk
    /// reaches (QuickScorer's exit leaf: Lucchese et al., SIGIR 2015). Per row the terms
    /// <c>weight × leaf value</c> are added to the bias in tree order, as <see cref="Score"/>
    /// does, so the results are equal bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void ProbabilitiesVector(
        VectorLayout layout,
        ReadOnlySpan<float> rows,
        Span<double> destination
    )
    {
        Span<double> columns = stackalloc double[Columns * PassRows];
        Span<double> scores = stackalloc double[PassRows];
        fixed (double* values = layout.Values)
        {
            for (var start = 0; start < destination.Length; start += PassRows)
            {
                var count = Math.Min(PassRows, destination.Length - start);
                Transpose(rows.Slice(start * Columns, count * Columns), Columns, columns);
                if (layout.Lanes == Lanes512)
                {
                    AddTrees(layout, columns, values, Vector512.Create(Bias)).CopyTo(scores);
                }
                else
                {
                    AddTrees256(layout, columns, values, scores);
                }

                for (var i = 0; i < count; i++)
                {
                    destination[start + i] = ToProbability(scores[i]);
                }
            }
        }
    }

    // Column-major doubles (column c of lane i at c × lanes + i, lanes = columns.Length / width);
    // lanes past the rows are 0 and their results dropped.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(ReadOnlySpan<float> rows, int width, Span<double> columns)
    {
        var lanes = columns.Length / width;
        var count = rows.Length / width;
        if (count < lanes)
        {
            columns.Clear();
        }

        for (var i = 0; i < count; i++)
        {
            var row = rows.Slice(i * width, width);
            for (var c = 0; c < width; c++)
            {
                columns[(c * lanes) + i] = row[c];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe Vector512<double> AddTrees(
        VectorLayout layout,
        ReadOnlySpan<double> columns,
        double* values,
        Vector512<double> scores
    )
    {
        ref var column = ref MemoryMarshal.GetReference(columns);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(layout.ColumnOffset);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(layout.Threshold);
        ref var masks = ref MemoryMarshal.GetArrayDataReference(layout.RightMask);
        var trees = _trees;
        var nodeStart = layout.NodeStart;
        for (var t = 0; t < trees.Length; t++)
        {
            var reachable = Vector512<ulong>.AllBitsSet;
            var end = (nint)nodeStart[t + 1];
            for (var n = (nint)nodeStart[t]; n < end; n++)
            {
                var x = Vector512.LoadUnsafe(ref column, (nuint)Unsafe.Add(ref offsets, n));
                var left = Vector512.LessThanOrEqual(
                    x,
                    Vector512.Create(Unsafe.Add(ref thresholds, n))
                );
                reachable = Vector512.ConditionalSelect(
                    left.AsUInt64(),
                    reachable,
                    reachable & Vector512.Create(Unsafe.Add(ref masks, n))
                );
            }

            // The leftmost reachable leaf: 63 − lzcnt of the lowest set bit.
            var lowest = reachable & (Vector512<ulong>.Zero - reachable);
            var position =
                Vector512.Create(63L + (t * 64L)) - Avx512CD.LeadingZeroCount(lowest).AsInt64();
            var leaf = Vector512.Create(
                Avx2.GatherVector256(values, position.GetLower(), 8),
                Avx2.GatherVector256(values, position.GetUpper(), 8)
            );
            scores += Vector512.Create(trees[t].Weight) * leaf;
        }

        return scores;
    }

    /// <summary>
    /// <see cref="AddTrees"/> with AVX2: the pass's 8 rows in two registers of 4, which share each
    /// split's loads. AVX2 has neither mask registers nor a 64-bit lzcnt: a split keeps the leaves
    /// `reachable &amp; (left | mask)`, and the lowest remaining bit's index is read from the
    /// exponents of its two 32-bit halves converted to float (a power of two converts exactly; a
    /// zero half gives exponent 0). Writes the 8 scores into <paramref name="scores"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void AddTrees256(
        VectorLayout layout,
        ReadOnlySpan<double> columns,
        double* values,
        Span<double> scores
    )
    {
        ref var column = ref MemoryMarshal.GetReference(columns);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(layout.ColumnOffset);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(layout.Threshold);
        ref var masks = ref MemoryMarshal.GetArrayDataReference(layout.RightMask);
        var trees = _trees;
        var nodeStart = layout.NodeStart;
        var low = Vector256.Create(Bias);
        var high = low;
        for (var t = 0; t < trees.Length; t++)
        {
            var reachableLow = Vector256<ulong>.AllBitsSet;
            var reachableHigh = Vector256<ulong>.AllBitsSet;
            var end = (nint)nodeStart[t + 1];
            for (var n = (nint)nodeStart[t]; n < end; n++)
            {
                var offset = (nuint)Unsafe.Add(ref offsets, n);
                var threshold = Vector256.Create(Unsafe.Add(ref thresholds, n));
                var mask = Vector256.Create(Unsafe.Add(ref masks, n));
                // x ≤ threshold as threshold ≥ x (false for NaN either way), so that the compare
                // reads the column from memory.
                var leftLow = Vector256.GreaterThanOrEqual(
                    threshold,
                    Vector256.LoadUnsafe(ref column, offset)
                );
                var leftHigh = Vector256.GreaterThanOrEqual(
                    threshold,
                    Vector256.LoadUnsafe(ref column, offset + Lanes256)
                );
                reachableLow &= leftLow.AsUInt64() | mask;
                reachableHigh &= leftHigh.AsUInt64() | mask;
            }

            var weight = Vector256.Create(trees[t].Weight);
            low += weight * Avx2.GatherVector256(values, LeafPosition256(reachableLow, t), 8);
            high += weight * Avx2.GatherVector256(values, LeafPosition256(reachableHigh, t), 8);
        }

        low.CopyTo(scores);
        high.CopyTo(scores[Lanes256..]);
    }

    // Each lane's leftmost reachable leaf as an index into the layout's values (64 per tree).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> LeafPosition256(Vector256<ulong> reachable, int tree)
    {
        var lowest = reachable & (Vector256<ulong>.Zero - reachable);
        var exponents = Vector256
            .ShiftRightLogical(Vector256.ConvertToSingle(lowest.AsInt32()).AsInt32(), 23)
            .AsInt64();
        // Low half: bits 0–7 of each 64-bit lane; high half: bits 32–39 (one of them is 0).
        var low = exponents & Vector256.Create(0xFFL);
        var high = Vector256.ShiftRightLogical(exponents, 32) & Vector256.Create(0xFFL);
        var fromHigh = Vector256.AndNot(
            Vector256.Create(32L),
            Vector256.Equals(high, Vector256<long>.Zero)
        );
        return low + high + fromHigh + Vector256.Create((tree * 64L) - 127L);
    }

    /// <summary>The trees' splits in one set of arrays (tree t's nodes are NodeStart[t] … NodeStart[t + 1] − 1), and 64 leaf values per tree by position.</summary>
    private sealed class VectorLayout(
        int lanes,
        int[] nodeStart,
        int[] columnOffset,
        double[] threshold,
        ulong[] rightMask,
        double[] values
    )
    {
        /// <summary>Rows per register: 8 (AVX-512) or 4 (AVX2).</summary>
        public int Lanes { get; } = lanes;

        public int[] NodeStart { get; } = nodeStart;

        /// <summary>Where the split's feature column starts in the transposed block: feature × PassRows.</summary>
        public int[] ColumnOffset { get; } = columnOffset;

        public double[] Threshold { get; } = threshold;

        public ulong[] RightMask { get; } = rightMask;

        public double[] Values { get; } = values;
    }
}
