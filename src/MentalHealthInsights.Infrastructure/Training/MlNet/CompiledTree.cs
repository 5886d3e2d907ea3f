using Microsoft.ML.Trainers.FastTree;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// One ML.NET regression tree copied into flat arrays, evaluated exactly as ML.NET does
/// (<c>x[feature] ≤ threshold</c> goes left; a negative child <c>c</c> is leaf <c>~c</c>).
/// Immutable, so evaluation is thread-safe.
/// </summary>
internal sealed class CompiledTree
{
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly double[] _leafValues;

    private CompiledTree(
        int[] left,
        int[] right,
        int[] feature,
        float[] threshold,
        double[] leafValues,
        double weight
    )
    {
        _left = left;
        _right = right;
        _feature = feature;
        _threshold = threshold;
        _leafValues = leafValues;
        Weight = weight;
    }

    /// <summary>The tree's weight in the ensemble's sum.</summary>
    public double Weight { get; }

    /// <summary>Number of leaves.</summary>
    public int Leaves => _leafValues.Length;

    /// <summary>Number of internal (split) nodes; 0 for a one-leaf tree.</summary>
    public int Nodes => _left.Length;

    /// <summary>The largest feature index used by a split, or -1.</summary>
    public int MaxFeature => _feature.Length == 0 ? -1 : _feature.Max();

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

    public int FindLeaf(ReadOnlySpan<float> features)
    {
        if (_left.Length == 0)
        {
            return 0;
        }
        var node = 0;
        while (node >= 0)
        {
            node = features[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        }
        return ~node;
    }

    public double LeafValue(int leaf) => _leafValues[leaf];

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
        var node = 0;
        while (Nodes > 0 && node >= 0)
        {
            var feature = _feature[node];
            var child = features[feature] <= _threshold[node] ? _left[node] : _right[node];
            var childMean = child < 0 ? _leafValues[~child] : nodeMeans[child];
            contributions[feature] += Weight * (childMean - nodeMeans[node]);
            node = child;
        }
    }

    private (double Mean, double Count) Fill(
        int node,
        IReadOnlyList<int> leafCounts,
        double[] means
    )
    {
        var (leftMean, leftCount) = Child(_left[node], leafCounts, means);
        var (rightMean, rightCount) = Child(_right[node], leafCounts, means);
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
    ) => child < 0 ? (_leafValues[~child], leafCounts[~child]) : Fill(child, leafCounts, means);
}
