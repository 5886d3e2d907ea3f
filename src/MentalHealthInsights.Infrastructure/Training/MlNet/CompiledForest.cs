using MentalHealthInsights.Core.Training;
using Microsoft.ML.Trainers.FastTree;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// A FastForest ensemble copied out of ML.NET. FastForest's binary score is
/// <c>bias + Σ weight × leaf value</c> where each leaf value is the mean of the ±1 labels of
/// the (bagged) training rows in that leaf, the bias is 0 and the weights are 1: a sum of
/// per-tree "vote margins" in [-1, 1]. Dividing by the total weight gives the forest's mean
/// margin m ∈ [-1, 1], and <c>(m + 1) / 2</c> is the average positive fraction of the leaves
/// the row lands in — the same quantity as scikit-learn's RandomForestClassifier.predict_proba.
/// </summary>
internal sealed partial class CompiledForest
{
    /// <summary>Rows evaluated together by <see cref="Probabilities"/>.</summary>
    public const int BlockRows = 64;

    private readonly CompiledTree[] _trees;

    public CompiledForest(IReadOnlyList<CompiledTree> trees, double bias, int columns)
    {
        if (trees.Count == 0)
        {
            throw new InvalidDataException("The forest has no trees.");
        }
        if (trees.Max(t => t.MaxFeature) >= columns)
        {
            throw new InvalidDataException("A tree splits on a column the model does not have.");
        }
        _trees = [.. trees];
        Bias = bias;
        Columns = columns;
        TotalWeight = trees.Sum(t => t.Weight);
        _vector = BuildVectorLayout(WidestVectorLanes);
    }

    public IReadOnlyList<CompiledTree> Trees => _trees;

    public double Bias { get; }

    public int Columns { get; }

    public double TotalWeight { get; }

    public static CompiledForest From<TTree>(TreeEnsemble<TTree> ensemble, int columns)
        where TTree : RegressionTreeBase =>
        new(
            [
                .. ensemble.Trees.Select(
                    (tree, i) => CompiledTree.From(tree, ensemble.TreeWeights[i])
                ),
            ],
            ensemble.Bias,
            columns
        );

    /// <summary>ML.NET's raw score.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        var score = Bias;
        foreach (var tree in _trees)
        {
            score += tree.Weight * tree.LeafValue(tree.FindLeaf(features));
        }
        return score;
    }

    /// <summary>
    /// <see cref="Probability"/> of <paramref name="destination"/>.Length rows, tree-major over
    /// blocks of <see cref="BlockRows"/> rows (one tree's arrays stay in cache while it scores the
    /// block). Each row's score adds the same terms in the same (tree) order as
    /// <see cref="Score"/>, so the results are equal bit for bit. With AVX-512 (8 rows per
    /// register) or AVX2 (4), by exit leaf instead (<see cref="UsesVectors"/>), with the same
    /// equality.
    /// </summary>
    /// <param name="rows">Row-major features, <paramref name="destination"/>.Length × <see cref="Columns"/>.</param>
    /// <param name="destination">One probability per row.</param>
    public void Probabilities(ReadOnlySpan<float> rows, Span<double> destination)
    {
        if (rows.Length != (long)destination.Length * Columns)
        {
            throw new ArgumentException(
                "The rows must hold one value per column for each destination slot.",
                nameof(rows)
            );
        }

        if (_vector is not null)
        {
            ProbabilitiesVector(_vector, rows, destination);
            return;
        }

        BlockWalk(rows, destination);
    }

    private void BlockWalk(ReadOnlySpan<float> rows, Span<double> destination)
    {
        Span<double> scores = stackalloc double[BlockRows];
        Span<int> leaves = stackalloc int[BlockRows];
        for (var start = 0; start < destination.Length; start += BlockRows)
        {
            var block = scores[..Math.Min(BlockRows, destination.Length - start)];
            block.Fill(Bias);
            var blockRows = rows.Slice(start * Columns, block.Length * Columns);
            foreach (var tree in _trees)
            {
                tree.AddLeafValues(blockRows, Columns, block, leaves);
            }

            for (var r = 0; r < block.Length; r++)
            {
                destination[start + r] = ToProbability(block[r]);
            }
        }
    }

    /// <summary>The score mapped monotonically to [0, 1]: <c>(score / total weight + 1) / 2</c>.</summary>
    public double Probability(ReadOnlySpan<float> features) => ToProbability(Score(features));

    public double ToProbability(double score) => Math.Clamp((score / TotalWeight + 1) / 2, 0, 1);

    /// <summary>How many rows of <paramref name="data"/> end in each leaf of each tree.</summary>
    /// <remarks>
    /// Runs lazily, when a fitted model is first explained or saved (never inside a fit), so it
    /// takes no cancellation token.
    /// </remarks>
    public int[][] CountLeaves(FeatureMatrix data)
    {
        if (data.Columns != Columns)
        {
            throw new ArgumentException(
                $"The data has {data.Columns} columns; the forest reads {Columns}.",
                nameof(data)
            );
        }

        var counts = _trees.Select(t => new int[t.Leaves]).ToArray();
        Span<int> leaves = stackalloc int[BlockRows];
        for (var start = 0; start < data.Rows; start += BlockRows)
        {
            var block = leaves[..Math.Min(BlockRows, data.Rows - start)];
            var rows = data.Features.AsSpan(start * Columns, block.Length * Columns);
            for (var t = 0; t < counts.Length; t++)
            {
                _trees[t].FindLeaves(rows, Columns, block);
                foreach (var leaf in block)
                {
                    counts[t][leaf]++;
                }
            }
        }
        return counts;
    }
}
