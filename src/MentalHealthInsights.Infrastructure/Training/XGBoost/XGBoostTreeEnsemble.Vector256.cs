using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

public sealed partial class XGBoostTreeEnsemble
{
    // The exit-leaf evaluation of MarginsVector on machines with AVX2 but not AVX-512: the
    // pass's 16 rows in two registers of 8, which share each node's loads and broadcasts. AVX2
    // has neither mask registers nor a vector lzcnt, so a right turn clears the node's
    // left-subtree leaves with an AND and an AND-NOT, and the lowest remaining bit's index is
    // read from its exponent once converted to float. Same leaves, same float additions in tree
    // order: equal bit for bit to the walk. Writes the 16 margins into sums. Both entry points
    // are compiled optimised on first use (and by the batch's warm-up), each with the loop
    // below inlined for its split test.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddTreesNoNaN256(
        VectorLayout layout,
        ReadOnlySpan<float> columns,
        float baseMargin,
        Span<float> sums
    ) => AddTrees256<SplitNoNaN256>(layout, columns, baseMargin, sums);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddTreesWithNaN256(
        VectorLayout layout,
        ReadOnlySpan<float> columns,
        float baseMargin,
        Span<float> sums
    ) => AddTrees256<SplitWithNaN256>(layout, columns, baseMargin, sums);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTrees256<TSplit>(
        VectorLayout layout,
        ReadOnlySpan<float> columns,
        float baseMargin,
        Span<float> sums
    )
        where TSplit : struct, ISplit256
    {
        ref var column = ref MemoryMarshal.GetReference(columns);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(layout.ColumnOffset);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(layout.Threshold);
        ref var defaultLeft = ref MemoryMarshal.GetArrayDataReference(layout.DefaultLeft);
        ref var ruledOut = ref MemoryMarshal.GetArrayDataReference(layout.RuledOut);
        var inner = layout.InnerCount;
        var trees = layout.TreeCount;
        var low = Vector256.Create(baseMargin);
        var high = low;
        for (var t = 0; t < trees; t++)
        {
            var reachableLow = Vector256<int>.AllBitsSet;
            var reachableHigh = Vector256<int>.AllBitsSet;
            var node = (nint)t * inner;
            for (var k = 0; k < inner; k++, node++)
            {
                var offset = (nuint)Unsafe.Add(ref offsets, node);
                var threshold = Vector256.Create(Unsafe.Add(ref thresholds, node));
                ref var left = ref Unsafe.Add(ref defaultLeft, node);
                var outs = Vector256.Create(Unsafe.Add(ref ruledOut, node));
                // Going right rules out the node's left-subtree leaves: reachable &= ~(right &
                // out), a vpand and a vpandn. (With the right mask, ~(right & ~mask), the JIT
                // built ~mask once per node with two more instructions, as both registers use it.)
                var rightLow = TSplit.Right(
                    Vector256.LoadUnsafe(ref column, offset),
                    threshold,
                    ref left
                );
                var rightHigh = TSplit.Right(
                    Vector256.LoadUnsafe(ref column, offset + Lanes256),
                    threshold,
                    ref left
                );
                reachableLow = Vector256.AndNot(reachableLow, rightLow & outs);
                reachableHigh = Vector256.AndNot(reachableHigh, rightHigh & outs);
            }

            low += LeafValues256(layout, t, reachableLow);
            high += LeafValues256(layout, t, reachableHigh);
        }

        low.CopyTo(sums);
        high.CopyTo(sums[Lanes256..]);
    }

    // A node's test for eight rows: all bits where a row goes right.
    private interface ISplit256
    {
        static abstract Vector256<int> Right(
            Vector256<float> x,
            Vector256<float> threshold,
            ref int defaultLeft
        );
    }

    // Without NaN, "not x < threshold" (go right) is threshold ≤ x (the column as the second
    // operand, which the compare reads from memory); the default direction is never read.
    private readonly struct SplitNoNaN256 : ISplit256
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> Right(
            Vector256<float> x,
            Vector256<float> threshold,
            ref int defaultLeft
        ) => Vector256.LessThanOrEqual(threshold, x).AsInt32();
    }

    // As the scalar walk: x < threshold goes left, NaN goes the default way.
    private readonly struct SplitWithNaN256 : ISplit256
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> Right(
            Vector256<float> x,
            Vector256<float> threshold,
            ref int defaultLeft
        )
        {
            var goesLeft = Vector256.LessThan(x, threshold);
            var nan = ~Vector256.Equals(x, x).AsInt32();
            return ~(goesLeft.AsInt32() | (nan & Vector256.Create(defaultLeft)));
        }
    }

    // The exit leaf (the lowest bit still set) of each lane, then its value. The lowest bit is a
    // power of two, which converts to float exactly with the bit's index + 127 in the exponent
    // field (bit 31, as an int −2^31, too: the sign is masked off). The value is picked by
    // in-register permutes of the tree's 8, 16 or 32 leaf slots, blended on the index's bits 3
    // and 4.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> LeafValues256(
        VectorLayout layout,
        int tree,
        Vector256<int> reachable
    )
    {
        var lowest = reachable & -reachable;
        var exponent = Vector256.ShiftRightLogical(Vector256.ConvertToSingle(lowest).AsInt32(), 23);
        var leaf = (exponent & Vector256.Create(0xFF)) - Vector256.Create(127);
        ref var leaves = ref MemoryMarshal.GetArrayDataReference(layout.Leaves);
        var offset = (nuint)(tree * layout.LeafSlots);
        var value = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref leaves, offset), leaf);
        if (layout.LeafSlots == Lanes256)
        {
            return value;
        }

        var bit3 = Vector256.ShiftLeft(leaf, 28).AsSingle();
        value = Avx.BlendVariable(
            value,
            Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref leaves, offset + 8), leaf),
            bit3
        );
        if (layout.LeafSlots == 2 * Lanes256)
        {
            return value;
        }

        var upper = Avx.BlendVariable(
            Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref leaves, offset + 16), leaf),
            Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref leaves, offset + 24), leaf),
            bit3
        );
        return Avx.BlendVariable(value, upper, Vector256.ShiftLeft(leaf, 27).AsSingle());
    }
}
