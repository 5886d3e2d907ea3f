using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

// Fast TreeSHAP v2 (Yang 2021, "Fast TreeSHAP: Accelerating SHAP Value Computation for Trees"):
// the same exact values as RegTree::TreeShap, with the part that does not depend on the row
// precomputed per leaf.
//
// For a leaf with value v and d distinct features on its root path, feature j has a zero
// fraction z_j (the product, over the path's splits on j, of cover[child on the path] /
// cover[node], as TreeShap's ExtendPath merges a repeated feature) and a one fraction o_j = 1 if
// the row goes the path's way at every split on j (NaN following the node's default), else 0.
// The leaf's share of the model is the product game g(S) = v Π_{j∈S} o_j Π_{j∈D∖S} z_j, whose
// Shapley values are what TreeShap computes. With T = the features the row satisfies and
// B(T) = Σ_{S⊆T} |S|!(d−1−|S|)!/d! Π_{j∈D∖S} z_j:
//   j ∉ T:  φ_j = −v B(T)
//   j ∈ T:  φ_j = v (1 − z_j)/z_j B(T ∖ {j})
// So each leaf keeps v·B over all 2^d subsets (indexed here by the unsatisfied set U = D ∖ T,
// bit i = the i-th distinct feature on the path), and a row costs one pass over the tree's
// splits (to find each leaf's U) plus d multiply-adds per leaf, with no division.
public sealed partial class XGBoostTreeEnsemble
{
    /// <summary>Default bound on the tables' memory: 32 MiB; trees beyond it keep the reference algorithm.</summary>
    internal const long DefaultShapTableBudgetBytes = 32L << 20;

    // A leaf's table has 2^d entries for d distinct features on its path (8 KiB at d = 10); a
    // tree with a longer path keeps the reference algorithm.
    internal const int MaxTablePathFeatures = 10;

    private static readonly long MinusOneBits = BitConverter.DoubleToInt64Bits(-1.0);

    // Bounds the per-call node buffer (one int per node of the largest tabled tree) on the stack.
    private const int MaxTableTreeNodes = 2048;

    /// <summary>
    /// True once the TreeSHAP tables have been built (by the first explanation, or by a server's
    /// load probe); a diagnostic that does not build them.
    /// </summary>
    public bool ShapTablesBuilt => shapTables.IsValueCreated;

    /// <summary>Number of trees whose contributions come from tables (builds them if needed).</summary>
    internal int ShapTableTreeCount => shapTables.Value.TabledTreeCount;

    /// <summary>Bytes held by the tables (builds them if needed).</summary>
    internal long ShapTableBytes => shapTables.Value.Bytes;

    // One tree from its tables: the unsatisfied set of every node (parent before child), then
    // per feature of the tree its (leaf, path position) terms summed in double, added to phi in
    // float in the tree's turn, as XGBoost adds a tree's values. No branch depends on the row:
    // a split goes either way about half the time, which a branch predictor cannot learn.
    private static void AddTableTree(
        ShapTables tables,
        int tree,
        ReadOnlySpan<float> row,
        Span<float> phi,
        Span<int> unsatisfied
    )
    {
        var info = tables.Trees[tree];
        ref var u = ref MemoryMarshal.GetReference(unsatisfied);
        ref var x0 = ref MemoryMarshal.GetReference(row);
        u = 0;

        // Indices are safe without bounds checks: the builder numbered each tabled tree's nodes
        // below MaxTreeNodes (the length of unsatisfied) and took its features and table
        // positions from the checked model; the caller checked the row length.
        ref var split = ref Unsafe.Add(
            ref MemoryMarshal.GetArrayDataReference(tables.Splits),
            info.SplitStart
        );
        for (var s = 0; s < info.SplitCount; s++)
        {
            ref readonly var n = ref Unsafe.Add(ref split, s);
            var right = Step(Unsafe.Add(ref x0, n.Feature), n.Threshold, n.FlipOnNaN);
            var parent = Unsafe.Add(ref u, n.Node);
            var rightBit = n.Bit & -right;
            Unsafe.Add(ref u, n.Node + 1) = parent | rightBit;
            Unsafe.Add(ref u, n.Right) = parent | (n.Bit ^ rightBit);
        }

        ref var values = ref MemoryMarshal.GetArrayDataReference(tables.Values);
        ref var terms = ref MemoryMarshal.GetArrayDataReference(tables.Terms);
        var e = info.TermStart;
        for (var k = info.FeatureStart; k < info.FeatureStart + info.FeatureCount; k++)
        {
            var end = tables.FeatureTermEnd[k];
            var sum = 0.0;
            for (; e < end; e++)
            {
                ref readonly var term = ref Unsafe.Add(ref terms, e);
                var m = Unsafe.Add(ref u, term.Node);

                // Satisfied: (1 − z)/z · v·B(T ∖ {j}); unsatisfied (m already holds the bit):
                // −v·B(T). The factor is picked by masking its bits, exactly −1 or (1 − z)/z.
                long unsatisfiedMask = -((m & term.Bit) >> term.Position);
                var factor = BitConverter.Int64BitsToDouble(
                    term.FactorBits ^ ((term.FactorBits ^ MinusOneBits) & unsatisfiedMask)
                );
                sum += Unsafe.Add(ref values, term.TableStart + (m | term.Bit)) * factor;
            }

            phi[tables.TreeFeature[k]] += (float)sum;
        }
    }

    private sealed class ShapTables
    {
        /// <summary>Per tree: where its splits, terms and features are, or not tabled.</summary>
        public required TableTree[] Trees { get; init; }

        /// <summary>Tabled trees' splits, each tree's in preorder (parent before child).</summary>
        public required TableSplit[] Splits { get; init; }

        /// <summary>One per (leaf, feature on its path), each tree's grouped by feature.</summary>
        public required TableTerm[] Terms { get; init; }

        /// <summary>Per leaf 2^d values v·B(D ∖ U), indexed by the unsatisfied set U.</summary>
        public required double[] Values { get; init; }

        /// <summary>Per tabled tree its distinct split features (input column indices).</summary>
        public required int[] TreeFeature { get; init; }

        /// <summary>Per entry of <see cref="TreeFeature"/>: the end of its terms.</summary>
        public required int[] FeatureTermEnd { get; init; }

        public required int TabledTreeCount { get; init; }

        public required int MaxTreeNodes { get; init; }

        public required long Bytes { get; init; }
    }

    private readonly record struct TableTree(
        bool IsTabled,
        int SplitStart,
        int SplitCount,
        int TermStart,
        int FeatureStart,
        int FeatureCount
    );

    // Node and Right are indices in the tree's preorder numbering (the left child is Node + 1);
    // Bit is 1 << (the split feature's position among the distinct features on the path to
    // this node); FlipOnNaN is 1 when missing values go left (see Step).
    private readonly record struct TableSplit(
        float Threshold,
        int Feature,
        int Node,
        int Right,
        int Bit,
        int FlipOnNaN
    );

    // One leaf's term for one feature on its path: the leaf (preorder index), the feature's
    // bit in the leaf's unsatisfied set, where the leaf's 2^d values start, and the bits of
    // (1 − z)/z.
    private readonly record struct TableTerm(
        int Node,
        int Bit,
        int Position,
        int TableStart,
        long FactorBits
    );
}
