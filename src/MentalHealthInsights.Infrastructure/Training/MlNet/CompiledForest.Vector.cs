using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

internal sealed partial class CompiledForest
{
    // Rows per vector: one double lane each in a 512-bit register.
    private const int Lanes = 8;

    // The trees laid out for exit-leaf scoring, or null (no AVX-512 F and CD, or a tree of more
    // than 64 leaves): the block walk of CompiledTree is used then.
    private readonly VectorLayout? _vector;

    /// <summary>True when <see cref="Probabilities"/> scores 8 rows per AVX-512 register.</summary>
    internal bool UsesVectors => _vector is not null;

    private VectorLayout? BuildVectorLayout()
    {
        if (!Avx512F.IsSupported || !Avx512CD.IsSupported)
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
                layout.ColumnOffset[at] = feature[n] * Lanes;
                layout.Threshold[at] = threshold[n];
                layout.RightMask[at] = mask[n];
            }

            values.CopyTo(layout.Values, t * 64);
        }

        layout.NodeStart[^1] = at;
        return layout;
    }

    /// <summary>
    /// <see cref="Probabilities"/> 8 rows per register: each split's test is one compare of a
    /// feature column (as doubles: widening keeps every float's order and NaN) against its
    /// threshold; a split that sends a row right — <c>x ≤ threshold</c> fails, NaN included, as
    /// in <see cref="CompiledTree.FindLeaf"/> — rules out its left subtree's leaves (one masked
    /// AND of 64-bit leaf masks), and the row's leaf is the leftmost one left, the leaf the walk
    /// reaches (QuickScorer's exit leaf: Lucchese et al., SIGIR 2015). Per row the terms
    /// <c>weight × leaf value</c> are added to the bias in tree order, as <see cref="Score"/>
    /// does, so the results are equal bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void ProbabilitiesVector(ReadOnlySpan<float> rows, Span<double> destination)
    {
        var layout = _vector!;
        Span<double> columns = stackalloc double[Columns * Lanes];
        fixed (double* values = layout.Values)
        {
            for (var start = 0; start < destination.Length; start += Lanes)
            {
                var count = Math.Min(Lanes, destination.Length - start);
                Transpose(rows.Slice(start * Columns, count * Columns), Columns, columns);
                var scores = AddTrees(layout, columns, values, Vector512.Create(Bias));
                for (var i = 0; i < count; i++)
                {
                    destination[start + i] = ToProbability(scores.GetElement(i));
                }
            }
        }
    }

    // Column-major doubles (column c of lane i at c × 8 + i); lanes past the rows are 0 and their
    // results dropped.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(ReadOnlySpan<float> rows, int width, Span<double> columns)
    {
        var count = rows.Length / width;
        if (count < Lanes)
        {
            columns.Clear();
        }

        for (var i = 0; i < count; i++)
        {
            var row = rows.Slice(i * width, width);
            for (var c = 0; c < width; c++)
            {
                columns[(c * Lanes) + i] = row[c];
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

    /// <summary>The trees' splits in one set of arrays (tree t's nodes are NodeStart[t] … NodeStart[t + 1] − 1), and 64 leaf values per tree by position.</summary>
    private sealed class VectorLayout(
        int[] nodeStart,
        int[] columnOffset,
        double[] threshold,
        ulong[] rightMask,
        double[] values
    )
    {
        public int[] NodeStart { get; } = nodeStart;

        /// <summary>Where the split's feature column starts in the transposed block: feature × 8.</summary>
        public int[] ColumnOffset { get; } = columnOffset;

        public double[] Threshold { get; } = threshold;

        public ulong[] RightMask { get; } = rightMask;

        public double[] Values { get; } = values;
    }
}
