using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.Trainers.FastTree;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// One ML.NET regression tree copied into one node array, evaluated exactly as ML.NET does
/// (<c>x[feature] ≤ threshold</c> goes left; ML.NET's negative child <c>c</c>, leaf <c>~c</c>,
/// becomes node <c>Nodes + ~c</c>). Immutable, so evaluation is thread-safe.
/// </summary>
internal sealed class CompiledTree
{
    private readonly double[] _leafValues;

    // The internal nodes (0 … Nodes − 1, the root first), then one node per leaf (Nodes + leaf)
    // whose children are itself, so that in FindLeaves a row that reached its leaf stays there
    // while the other rows of its group go on. Every walk goes through Step.
    private readonly WalkNode[] _walk;

    private CompiledTree(
        int[] left,
        int[] right,
        int[] feature,
        float[] threshold,
        double[] leafValues,
        double weight
    )
    {
        _leafValues = leafValues;
        Weight = weight;
        Nodes = left.Length;
        _walk = BuildWalk(left, right, feature, threshold, leafValues.Length);
        MaxFeature = feature.Length == 0 ? -1 : feature.Max();
    }

    /// <summary>The tree's weight in the ensemble's sum.</summary>
    public double Weight { get; }

    /// <summary>Number of leaves.</summary>
    public int Leaves => _leafValues.Length;

    /// <summary>Number of internal (split) nodes; 0 for a one-leaf tree.</summary>
    public int Nodes { get; }

    /// <summary>The largest feature index used by a split, or -1.</summary>
    public int MaxFeature { get; }

    public static CompiledTree From(RegressionTreeBase tree, double weight)
    {
        if (tree.CategoricalSplitFlags.Any(flag => flag))
        {
            // Our data view carries no categorical metadata, so ML.NET cannot make these.
            throw new NotSupportedException("Trees with categorical splits are not supported.");
        }
        return new CompiledTree(
            [.. tree.LeftChild],
            [.. tree.RightChild],
            [.. tree.NumericalSplitFeatureIndexes],
            [.. tree.NumericalSplitThresholds],
            [.. tree.LeafValues],
            weight
        );
    }

    /// <summary>The leaf <paramref name="features"/> ends in (ML.NET's leaf numbering).</summary>
    public int FindLeaf(ReadOnlySpan<float> features)
    {
        CheckWidth(features.Length);
        ref var walk = ref MemoryMarshal.GetArrayDataReference(_walk);
        ref var x = ref MemoryMarshal.GetReference(features);
        var node = 0;
        while (node < Nodes)
        {
            node = Step(ref walk, ref x, node);
        }
        return node - Nodes;
    }

    public double LeafValue(int leaf) => _leafValues[leaf];

    /// <summary>
    /// Adds <see cref="Weight"/> × the leaf value of each row to its score: for every row the
    /// same term <see cref="FindLeaf"/> and <see cref="LeafValue"/> give, added once, so the
    /// caller's sums are unchanged bit for bit.
    /// </summary>
    /// <param name="rows">As for <see cref="FindLeaves"/>.</param>
    /// <param name="columns">Values per row.</param>
    /// <param name="scores">One running score per row.</param>
    /// <param name="leaves">Scratch, at least <paramref name="scores"/>.Length.</param>
    public void AddLeafValues(
        ReadOnlySpan<float> rows,
        int columns,
        Span<double> scores,
        Span<int> leaves
    )
    {
        leaves = leaves[..scores.Length];
        FindLeaves(rows, columns, leaves);
        var weight = Weight;
        for (var r = 0; r < scores.Length; r++)
        {
            scores[r] += weight * _leafValues[leaves[r]];
        }
    }

    /// <summary>The leaf (as <see cref="FindLeaf"/> numbers it) of each of many rows.</summary>
    /// <remarks>
    /// Eight rows walk the tree side by side without branching on their values: which way a row
    /// goes is data, about half the time each way, so a branch per split is mispredicted half
    /// the time; eight independent walks also overlap their memory loads. The walk ends when the
    /// eight rows have all reached a leaf (a leaf's node points to itself).
    /// </remarks>
    /// <param name="rows">Row-major, <paramref name="leaves"/>.Length rows of
    /// <paramref name="columns"/> values.</param>
    /// <param name="columns">Values per row, more than <see cref="MaxFeature"/> (the walk reads
    /// without bounds checks).</param>
    /// <param name="leaves">One leaf index per row.</param>
    public void FindLeaves(ReadOnlySpan<float> rows, int columns, Span<int> leaves)
    {
        if (rows.Length < (long)leaves.Length * columns)
        {
            throw new ArgumentException("Too few values for the rows.", nameof(rows));
        }

        CheckWidth(columns);
        if (Nodes == 0)
        {
            leaves.Clear();
            return;
        }

        var internalNodes = Nodes;
        ref var walk = ref MemoryMarshal.GetArrayDataReference(_walk);
        ref var x = ref MemoryMarshal.GetReference(rows);
        var r = 0;
        for (; r + 8 <= leaves.Length; r += 8)
        {
            ref var x0 = ref Unsafe.Add(ref x, r * columns);
            int n0 = 0,
                n1 = 0,
                n2 = 0,
                n3 = 0,
                n4 = 0,
                n5 = 0,
                n6 = 0,
                n7 = 0;
            var c = columns;
            do
            {
                n0 = Step(ref walk, ref x0, n0);
                n1 = Step(ref walk, ref Unsafe.Add(ref x0, c), n1);
                n2 = Step(ref walk, ref Unsafe.Add(ref x0, 2 * c), n2);
                n3 = Step(ref walk, ref Unsafe.Add(ref x0, 3 * c), n3);
                n4 = Step(ref walk, ref Unsafe.Add(ref x0, 4 * c), n4);
                n5 = Step(ref walk, ref Unsafe.Add(ref x0, 5 * c), n5);
                n6 = Step(ref walk, ref Unsafe.Add(ref x0, 6 * c), n6);
                n7 = Step(ref walk, ref Unsafe.Add(ref x0, 7 * c), n7);
            } while (
                Math.Min(
                    Math.Min(Math.Min(n0, n1), Math.Min(n2, n3)),
                    Math.Min(Math.Min(n4, n5), Math.Min(n6, n7))
                ) < internalNodes
            );

            leaves[r] = n0 - internalNodes;
            leaves[r + 1] = n1 - internalNodes;
            leaves[r + 2] = n2 - internalNodes;
            leaves[r + 3] = n3 - internalNodes;
            leaves[r + 4] = n4 - internalNodes;
            leaves[r + 5] = n5 - internalNodes;
            leaves[r + 6] = n6 - internalNodes;
            leaves[r + 7] = n7 - internalNodes;
        }

        for (; r < leaves.Length; r++)
        {
            leaves[r] = FindLeaf(rows.Slice(r * columns, columns));
        }
    }

    /// <summary>
    /// The tree for exit-leaf scoring (<see cref="CompiledForest"/>): leaves numbered left to
    /// right (in order); per internal node its feature, threshold and <c>RightMask</c>, the leaves
    /// a row can still reach after the node sends it right (every bit but those of its left
    /// subtree); per position the leaf's value. Null for a tree of more than 64 leaves.
    /// </summary>
    internal (
        int[] Feature,
        float[] Threshold,
        ulong[] RightMask,
        double[] Values
    )? ExitLeafLayout()
    {
        if (Leaves > 64)
        {
            return null;
        }

        var feature = new int[Nodes];
        var threshold = new float[Nodes];
        var mask = new ulong[Nodes];
        var values = new double[Leaves];
        var next = 0;
        // A one-leaf tree's root is its leaf (node Nodes + 0 = 0).
        Number(0);
        return (feature, threshold, mask, values);

        // The positions [first, end) of the leaves under node.
        (int First, int End) Number(int node)
        {
            if (node >= Nodes)
            {
                values[next] = _leafValues[node - Nodes];
                return (next, ++next);
            }

            var split = _walk[node];
            var (first, middle) = Number(split.Left);
            var (_, end) = Number(split.Right);
            feature[node] = split.Feature;
            threshold[node] = split.Threshold;
            mask[node] = ~(((1UL << (middle - first)) - 1) << first);
            return (first, end);
        }
    }

    // The walks read a row without bounds checks: it must reach the largest split column.
    private void CheckWidth(int columns)
    {
        if (columns <= MaxFeature)
        {
            throw new ArgumentOutOfRangeException(
                nameof(columns),
                "The tree splits on a column past the end of a row."
            );
        }
    }

    // One split: the left child when x[feature] ≤ threshold, else (NaN included) the right one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref WalkNode walk, ref float row, int node)
    {
        ref var split = ref Unsafe.Add(ref walk, node);
        var right = Unsafe.Add(ref row, split.Feature) <= split.Threshold ? 0 : 1;
        return Unsafe.Add(ref split.Left, right);
    }

    private static WalkNode[] BuildWalk(
        int[] left,
        int[] right,
        int[] feature,
        float[] threshold,
        int leaves
    )
    {
        var nodes = left.Length;
        if (right.Length != nodes || feature.Length != nodes || threshold.Length != nodes)
        {
            throw new InvalidDataException("A tree's split arrays differ in length.");
        }

        var walk = new WalkNode[nodes + leaves];
        for (var n = 0; n < nodes; n++)
        {
            walk[n] = new WalkNode
            {
                Threshold = threshold[n],
                Feature =
                    feature[n] >= 0
                        ? feature[n]
                        : throw new InvalidDataException("A tree splits on a negative feature."),
                Left = Child(left[n]),
                Right = Child(right[n]),
            };
        }

        for (var leaf = 0; leaf < leaves; leaf++)
        {
            walk[nodes + leaf] = new WalkNode { Left = nodes + leaf, Right = nodes + leaf };
        }

        return walk;

        int Child(int child) =>
            child >= 0 && child < nodes ? child
            : child < 0 && ~child < leaves ? nodes + ~child
            : throw new InvalidDataException("A tree's child index is out of range.");
    }

    /// <summary>
    /// The mean leaf value of the training rows passing through each internal node, from the
    /// number of training rows that ended in each leaf (an unvisited subtree counts its
    /// children equally).
    /// </summary>
    public double[] NodeMeans(IReadOnlyList<int> leafCounts)
    {
        var means = new double[Nodes];
        if (Nodes > 0)
        {
            Fill(0, leafCounts, means);
        }
        return means;
    }

    /// <summary>The expected output before any split: the root's mean (or the only leaf's value).</summary>
    public double RootMean(double[] nodeMeans) => Nodes == 0 ? _leafValues[0] : nodeMeans[0];

    /// <summary>
    /// Saabas attribution: walking <paramref name="features"/>'s path, each split adds
    /// <c>Weight × (mean of the child taken − mean of the node)</c> to its feature, so that
    /// <c>Weight × RootMean + Σ additions = Weight × leaf value</c>.
    /// </summary>
    public void Attribute(
        ReadOnlySpan<float> features,
        double[] nodeMeans,
        Span<double> contributions
    )
    {
        CheckWidth(features.Length);
        ref var walk = ref MemoryMarshal.GetArrayDataReference(_walk);
        ref var x = ref MemoryMarshal.GetReference(features);
        var node = 0;
        while (node < Nodes)
        {
            var child = Step(ref walk, ref x, node);
            var childMean = child >= Nodes ? _leafValues[child - Nodes] : nodeMeans[child];
            contributions[_walk[node].Feature] += Weight * (childMean - nodeMeans[node]);
            node = child;
        }
    }

    private (double Mean, double Count) Fill(
        int node,
        IReadOnlyList<int> leafCounts,
        double[] means
    )
    {
        var (leftMean, leftCount) = Child(_walk[node].Left, leafCounts, means);
        var (rightMean, rightCount) = Child(_walk[node].Right, leafCounts, means);
        var count = leftCount + rightCount;
        means[node] =
            count > 0
                ? (leftMean * leftCount + rightMean * rightCount) / count
                : (leftMean + rightMean) / 2;
        return (means[node], count);
    }

    private (double Mean, double Count) Child(
        int child,
        IReadOnlyList<int> leafCounts,
        double[] means
    ) =>
        child >= Nodes
            ? (_leafValues[child - Nodes], leafCounts[child - Nodes])
            : Fill(child, leafCounts, means);

    // Left and Right must stay adjacent, Right after Left: Step picks one by offset.
    [StructLayout(LayoutKind.Sequential)]
    private struct WalkNode
    {
        public float Threshold;
        public int Feature;
        public int Left;
        public int Right;
    }
}
