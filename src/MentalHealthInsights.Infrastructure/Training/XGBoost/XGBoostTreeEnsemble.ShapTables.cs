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

    // Bounds the per-call node buffer (one int per node of the largest tabled tree) on the stack.
    private const int MaxTableTreeNodes = 2048;

    /// <summary>Number of trees whose contributions come from tables (builds them if needed).</summary>
    internal int ShapTableTreeCount => shapTables.Value.TabledTreeCount;

    /// <summary>Bytes held by the tables (builds them if needed).</summary>
    internal long ShapTableBytes => shapTables.Value.Bytes;

    // One tree from its tables: the unsatisfied set of every node (parent before child), then
    // each leaf's d values summed in double per feature of the tree, then added to phi in float
    // in the tree's turn, as XGBoost adds a tree's values.
    private static void AddTableTree(
        ShapTables tables,
        int tree,
        ReadOnlySpan<float> row,
        Span<float> phi,
        Span<int> unsatisfied,
        Span<double> treeSums
    )
    {
        var info = tables.Trees[tree];
        ref var u = ref MemoryMarshal.GetReference(unsatisfied);
        ref var x0 = ref MemoryMarshal.GetReference(row);
        u = 0;

        // Indices are safe without bounds checks: the builder numbered the tree's nodes below
        // MaxTreeNodes and its features below MaxTreeFeatures, and the row length was checked.
        ref var split = ref MemoryMarshal.GetArrayDataReference(tables.Splits);
        split = ref Unsafe.Add(ref split, info.SplitStart);
        for (var s = 0; s < info.SplitCount; s++)
        {
            ref readonly var n = ref Unsafe.Add(ref split, s);
            var x = Unsafe.Add(ref x0, n.Feature);
            var goesLeft = float.IsNaN(x) ? n.DefaultLeft : x < n.Threshold;
            var parent = Unsafe.Add(ref u, n.Node);
            var leftBit = goesLeft ? 0 : n.Bit;
            Unsafe.Add(ref u, n.Left) = parent | leftBit;
            Unsafe.Add(ref u, n.Right) = parent | (n.Bit ^ leftBit);
        }

        var sums = treeSums[..info.FeatureCount];
        sums.Clear();
        ref var sum0 = ref MemoryMarshal.GetReference(sums);
        ref var values = ref MemoryMarshal.GetArrayDataReference(tables.Values);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(tables.PathSlot);
        ref var factors = ref MemoryMarshal.GetArrayDataReference(tables.PathFactor);
        ref var leaf = ref MemoryMarshal.GetArrayDataReference(tables.Leaves);
        leaf = ref Unsafe.Add(ref leaf, info.LeafStart);
        for (var l = 0; l < info.LeafCount; l++)
        {
            ref readonly var f = ref Unsafe.Add(ref leaf, l);
            var m = Unsafe.Add(ref u, f.Node);
            ref var table = ref Unsafe.Add(ref values, f.TableStart);
            for (var i = 0; i < f.Depth; i++)
            {
                var e = f.PathStart + i;
                var unsatisfiedBit = (m >> i) & 1;
                Unsafe.Add(ref sum0, Unsafe.Add(ref slots, e)) +=
                    Unsafe.Add(ref table, m | (1 << i))
                    * Unsafe.Add(ref factors, (2 * e) + unsatisfiedBit);
            }
        }

        var features = tables.TreeFeature.AsSpan(info.FeatureStart, info.FeatureCount);
        for (var k = 0; k < features.Length; k++)
        {
            phi[features[k]] += (float)sums[k];
        }
    }

    private sealed class ShapTables
    {
        /// <summary>Per tree: where its splits, leaves and features are, or not tabled.</summary>
        public required TableTree[] Trees { get; init; }

        /// <summary>Tabled trees' splits, each tree's in preorder (parent before child).</summary>
        public required TableSplit[] Splits { get; init; }

        /// <summary>Tabled trees' leaves with at least one feature on their path.</summary>
        public required TableLeaf[] Leaves { get; init; }

        /// <summary>Per path entry: the feature's index among its tree's features.</summary>
        public required int[] PathSlot { get; init; }

        /// <summary>Per path entry two factors: (1 − z)/z when satisfied, −1 when not.</summary>
        public required double[] PathFactor { get; init; }

        /// <summary>Per leaf 2^d values v·B(D ∖ U), indexed by the unsatisfied set U.</summary>
        public required double[] Values { get; init; }

        /// <summary>Per tabled tree its distinct split features (input column indices).</summary>
        public required int[] TreeFeature { get; init; }

        public required int TabledTreeCount { get; init; }

        public required int MaxTreeNodes { get; init; }

        public required int MaxTreeFeatures { get; init; }

        public required long Bytes { get; init; }
    }

    private readonly record struct TableTree(
        bool IsTabled,
        int SplitStart,
        int SplitCount,
        int LeafStart,
        int LeafCount,
        int FeatureStart,
        int FeatureCount
    );

    // Node, Left and Right are indices in the tree's preorder numbering; Bit is 1 << (the
    // split feature's position among the distinct features on the path to this node).
    private readonly record struct TableSplit(
        float Threshold,
        int Feature,
        int Node,
        int Left,
        int Right,
        int Bit,
        bool DefaultLeft
    );

    private readonly record struct TableLeaf(int Node, int Depth, int PathStart, int TableStart);
}
