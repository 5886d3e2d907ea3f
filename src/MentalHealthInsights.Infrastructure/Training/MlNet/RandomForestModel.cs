using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// A fitted ML.NET FastForest. The trees are copied out of ML.NET once and evaluated
/// directly (exactly ML.NET's arithmetic, thread-safe, allocation-free). The raw probability
/// is <c>(score / trees + 1) / 2</c>, the mean positive fraction of the leaves the row lands in
/// (a monotone map of ML.NET's score); it is not calibrated — the training protocol calibrates
/// it on out-of-fold predictions. Saved as an ML.NET model zip ("mlnet-zip") with one extra
/// entry, the training rows per leaf, which the explanation needs.
/// </summary>
public sealed class RandomForestModel : IBinaryModel, IBlockScoringModel
{
    /// <summary>The file format written by <see cref="Save"/>.</summary>
    public const string FormatName = "mlnet-zip";

    /// <summary>
    /// Explanations put the raw probability through logit after keeping it in [ε, 1 − ε]: a
    /// forest whose every leaf is pure gives 0 or 1, whose log-odds would be infinite.
    /// </summary>
    public const double LogitClip = 1e-3;

    /// <summary>The explanation method (see <see cref="Explain"/>).</summary>
    public const string ExplanationMethod =
        "Saabas path attribution over training-weighted node means, rescaled to log-odds";

    private readonly CompiledForest _forest;
    private readonly Lazy<NodeStatistics> _statistics;
    private readonly Lazy<byte[]> _zip;

    private RandomForestModel(CompiledForest forest, Lazy<int[][]> leafCounts, Lazy<byte[]> zip)
    {
        _forest = forest;
        // Only explanations and saving need the training rows per leaf: counting them walks
        // every training row through every tree, which the search's cross-validation fits
        // (predict only, then discarded) would pay for nothing.
        _statistics = new Lazy<NodeStatistics>(() => NodeStatistics.From(forest, leafCounts.Value));
        _zip = zip;
    }

    /// <summary>Number of trees in the forest.</summary>
    public int Trees => _forest.Trees.Count;

    /// <summary>Number of input columns.</summary>
    public int Columns => _forest.Columns;

    /// <summary>The evaluated trees (for tests).</summary>
    internal CompiledForest Forest => _forest;

    /// <summary>
    /// The raw probability of an average training row (the bias of explanations, before logit):
    /// close to the training prevalence.
    /// </summary>
    public double BaseProbability => _forest.ToProbability(_statistics.Value.BaseScore);

    /// <inheritdoc />
    public string TrainerName => RandomForestTrainer.TrainerName;

    /// <inheritdoc />
    public string Format => FormatName;

    /// <inheritdoc />
    public void Predict(FeatureMatrix data, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(data);
        ModelGuard.CheckBatch(data, destination, Columns);
        _forest.Probabilities(
            data.Features.AsSpan(0, data.Rows * Columns),
            destination[..data.Rows]
        );
    }

    /// <inheritdoc />
    /// <remarks>Tree-major over blocks of rows, equal bit for bit to one <see cref="Predict(ReadOnlySpan{float})"/> per row.</remarks>
    public void PredictBlock(ReadOnlySpan<float> rows, Span<double> destination) =>
        _forest.Probabilities(rows, destination);

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<float> features)
    {
        ModelGuard.CheckRow(features, Columns);
        return _forest.Probability(features);
    }

    /// <summary>ML.NET's raw FastForest score (sum over trees of the leaf's mean ±1 label).</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        ModelGuard.CheckRow(features, Columns);
        return _forest.Score(features);
    }

    /// <summary>
    /// A documented equivalent of TreeSHAP for a forest whose file keeps no node statistics:
    /// <list type="number">
    /// <item>Saabas path attribution ("treeinterpreter"): in each tree, every split on the row's
    /// path credits its feature with the change in the node's expected output, where a node's
    /// expected output is the mean leaf value of the training rows reaching it. This is exactly
    /// additive: base score + Σ credits = the forest's score.</item>
    /// <item>Dividing by 2 × trees turns score units into raw-probability units, which add up
    /// to <c>Predict(x) − BaseProbability</c>.</item>
    /// <item>All credits are multiplied by one positive factor, <c>(logit p̃ − logit p̃₀) / (p − p₀)</c>
    /// with p = <c>Predict(x)</c>, p₀ = <see cref="BaseProbability"/> and p̃ each kept in
    /// [<see cref="LogitClip"/>, 1 − <see cref="LogitClip"/>], so that
    /// <c>Bias + Σ Values = logit(p̃)</c> with <c>Bias = logit(p̃₀)</c>, the
    /// margin units of <see cref="FeatureContributions"/>. Signs and the ranking of columns
    /// within the row are those of step 1.</item>
    /// </list>
    /// ML.NET's own FeatureContributionCalculation was not used: for trees it reports, per split,
    /// the output difference had the row gone the other way, which adds up to neither the score
    /// nor the margin.
    /// </summary>
    public FeatureContributions Explain(ReadOnlySpan<float> features)
    {
        ModelGuard.CheckRow(features, Columns);
        var values = new double[Columns];
        var nodeMeans = _statistics.Value.NodeMeans;
        for (var t = 0; t < _forest.Trees.Count; t++)
        {
            _forest.Trees[t].Attribute(features, nodeMeans[t], values);
        }

        // Credits in probability units add up to p - p0 (Saabas is exact); the factor comes
        // from the model's p and p0, not from the credits' sum, so that an attribution error
        // shows up as a broken sum instead of being normalised away.
        var p0 = BaseProbability;
        var p = _forest.Probability(features);
        var clippedP0 = Math.Clamp(p0, LogitClip, 1 - LogitClip);
        var bias = Logit(clippedP0);
        var factor =
            Math.Abs(p - p0) > 1e-12
                ? (Logit(Math.Clamp(p, LogitClip, 1 - LogitClip)) - bias) / (p - p0)
                : 1 / (clippedP0 * (1 - clippedP0));
        var scale = factor / (2 * _forest.TotalWeight);
        for (var j = 0; j < values.Length; j++)
        {
            values[j] *= scale;
        }
        return new FeatureContributions(values, bias, ExplanationMethod);
    }

    /// <summary>Writes the ML.NET zip (byte-identical for identical models: entry times are fixed).</summary>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(_zip.Value);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a random forest written by this class.</exception>
    public static RandomForestModel Load(Stream source)
    {
        var bytes = MlNetZip.ReadAll(source);
        ITransformer transformer;
        try
        {
            transformer = MlNetZip.Load(new MLContext(0), bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException("Not a readable ML.NET model zip.", e);
        }
        if (
            transformer
            is not ISingleFeaturePredictionTransformer<FastForestBinaryModelParameters> predictor
        )
        {
            throw new InvalidDataException(
                "The ML.NET model is not a FastForest binary classifier."
            );
        }
        if (predictor.FeatureColumnType is not VectorDataViewType { Size: > 0 } featureType)
        {
            throw new InvalidDataException("The ML.NET model has no fixed-size feature vector.");
        }
        var columns = featureType.Size;
        var forest = CompiledForest.From(predictor.Model.TrainedTreeEnsemble, columns);
        var counts =
            MlNetZip.ReadEntry(bytes, LeafCountsEntry.Name)
            ?? throw new InvalidDataException($"The zip has no {LeafCountsEntry.Name} entry.");
        return new RandomForestModel(
            forest,
            new Lazy<int[][]>(LeafCountsEntry.Read(counts, forest)),
            new Lazy<byte[]>(bytes)
        );
    }

    /// <summary>Nothing unmanaged to release.</summary>
    public void Dispose() { }

    /// <summary>
    /// A freshly trained forest: <paramref name="countLeaves"/> runs the first time an
    /// explanation or <see cref="Save"/> needs the training rows per leaf, and
    /// <paramref name="save"/> writes the zip with those counts.
    /// </summary>
    internal static RandomForestModel Create(
        CompiledForest forest,
        Func<int[][]> countLeaves,
        Func<int[][], byte[]> save
    )
    {
        var leafCounts = new Lazy<int[][]>(countLeaves);
        return new(forest, leafCounts, new Lazy<byte[]>(() => save(leafCounts.Value)));
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    /// <summary>Per-tree node means over the training rows and the score of an average row.</summary>
    private sealed record NodeStatistics(double[][] NodeMeans, double BaseScore)
    {
        public static NodeStatistics From(CompiledForest forest, int[][] leafCounts)
        {
            double[][] means = [.. forest.Trees.Select((tree, t) => tree.NodeMeans(leafCounts[t]))];
            var baseScore =
                forest.Bias
                + forest.Trees.Select((tree, t) => tree.Weight * tree.RootMean(means[t])).Sum();
            return new NodeStatistics(means, baseScore);
        }
    }
}
