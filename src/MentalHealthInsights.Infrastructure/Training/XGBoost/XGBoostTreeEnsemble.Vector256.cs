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
    // left-subtree leaves with two ANDs, and the lowest remaining bit's index is read from its
    // exponent once converted to float. Same leaves, same float additions in tree order: equal
    // bit for bit to the walk. Writes the 16 margins into sums.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddTreesNoNaN256(
        VectorLayout layout,
        ReadOnlySpan<float> columns,
        float baseMargin,
        Span<float> sums
    )
    {
        ref var column = ref MemoryMarshal.GetReference(columns);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(layout.ColumnOffset);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(layout.Threshold);
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
                var outs = Vector256.Create(Unsafe.Add(ref ruledOut, node));
                // Without NaN, "not x < threshold" (go right) is threshold ≤ x (the column as
                // the second operand, which the compare reads from memory); going right rules
                // out the node's left-subtree leaves: reachable &= ~(right & out), a vpand and a
                // vpandn. (With the right mask, ~(right & ~mask), the JIT built ~mask once per
                // node with two more instructions, as both registers use it.)
                var rightLow = Vector256
                    .LessThanOrEqual(threshold, Vector256.LoadUnsafe(ref column, offset))
                    .AsInt32();
                var rightHigh = Vector256
                    .LessThanOrEqual(threshold, Vector256.LoadUnsafe(ref column, offset + Lanes256))
                    .AsInt32();
                reachableLow = Vector256.AndNot(reachableLow, rightLow & outs);
                reachableHigh = Vector256.AndNot(reachableHigh, rightHigh & outs);
            }

            low += LeafValues256(layout, t, reachableLow);
            high += LeafValues256(layout, t, reachableHigh);
        }

        low.CopyTo(sums);
        high.CopyTo(sums[Lanes256..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddTreesWithNaN256(
        VectorLayout layout,
        ReadOnlySpan<float> columns,
        float baseMargin,
        Span<float> sums
    )
    {
        ref var column = ref MemoryMarshal.GetReference(columns);
        var inner = layout.InnerCount;
        var trees = layout.TreeCount;
        var low = Vector256.Create(baseMargin);
        var high = low;
        for (var t = 0; t < trees; t++)
        {
            var reachableLow = Vector256<int>.AllBitsSet;
            var reachableHigh = Vector256<int>.AllBitsSet;
            var node = t * inner;
            for (var k = 0; k < inner; k++, node++)
            {
                var offset = (nuint)layout.ColumnOffset[node];
                var threshold = Vector256.Create(layout.Threshold[node]);
                var defaultLeft = Vector256.Create(layout.DefaultLeft[node]);
                var outs = Vector256.Create(layout.RuledOut[node]);
                reachableLow = Vector256.AndNot(
                    reachableLow,
                    RightWithNaN(Vector256.LoadUnsafe(ref column, offset), threshold, defaultLeft)
                        & outs
                );
                reachableHigh = Vector256.AndNot(
                    reachableHigh,
                    RightWithNaN(
                        Vector256.LoadUnsafe(ref column, offset + Lanes256),
                        threshold,
                        defaultLeft
                    ) & outs
                );
            }

            low += LeafValues256(layout, t, reachableLow);
            high += LeafValues256(layout, t, reachableHigh);
        }

        low.CopyTo(sums);
        high.CopyTo(sums[Lanes256..]);
    }

    // As the scalar walk: x < threshold goes left, NaN goes the default way; all bits where a
    // row goes right.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> RightWithNaN(
        Vector256<float> x,
        Vector256<float> threshold,
        Vector256<int> defaultLeft
    )
    {
        var goesLeft = Vector256.LessThan(x, threshold);
        var nan = ~Vector256.Equals(x, x).AsInt32();
        return ~(goesLeft.AsInt32() | (nan & defaultLeft));
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
