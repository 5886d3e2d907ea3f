using System.Runtime.CompilerServices;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// An XGBoost booster behind the model port; saved in XGBoost's JSON format. One-row
/// predictions and explanations run on <see cref="Evaluator"/> (the same trees evaluated in
/// managed code, exact to float rounding: ~1 µs and ~tens of µs instead of the native ~30 µs and
/// ~1.6 ms per call, measured in bench/), and so do many-row predictions (bit for bit what the
/// native many-row path returns); the native library trains, saves and covers what the managed
/// evaluator does not read.
/// </summary>
public sealed class XGBoostBinaryModel : IBinaryModel, IBlockScoringModel
{
    /// <summary>The <see cref="FeatureContributions.Method"/> of the explanations.</summary>
    public const string ExplanationMethod = "TreeSHAP (XGBoost pred_contribs)";

    private readonly Lazy<XGBoostModel> _model;
    private readonly Lazy<XGBoostTreeEnsemble?> _evaluator;
    private volatile bool _disposed;

    /// <summary>Wraps a trained or loaded booster (this object owns it).</summary>
    public XGBoostBinaryModel(XGBoostModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = new Lazy<XGBoostModel>(model);
        // Built on first use: the search's cross-validation fits predict through the native
        // booster (XGBoostSearchSession, iteration ranges) and are discarded, so serialising and
        // parsing their trees would be wasted.
        _evaluator = new Lazy<XGBoostTreeEnsemble?>(() =>
            XGBoostTreeEnsemble.TryParse(model.ToJson(), out _)
        );
    }

    private XGBoostBinaryModel(Lazy<XGBoostModel> model, XGBoostTreeEnsemble evaluator)
    {
        _model = model;
        _evaluator = new Lazy<XGBoostTreeEnsemble?>(evaluator);
    }

    /// <summary>
    /// The native booster (training, JSON, many-row predictions). For a model read by
    /// <see cref="Load"/> that the managed evaluator covers, the library loads it on first use.
    /// </summary>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    public XGBoostModel Model =>
        _disposed ? throw new ObjectDisposedException(nameof(XGBoostBinaryModel)) : _model.Value;

    /// <summary>
    /// The booster's trees in managed form, used for one-row predictions and explanations; null
    /// when the model uses a feature the managed evaluator lacks (then the native library is used).
    /// </summary>
    public XGBoostTreeEnsemble? Evaluator => _evaluator.Value;

    /// <summary>Whether the native booster exists yet (tests).</summary>
    internal bool NativeLoaded => _model.IsValueCreated;

    /// <inheritdoc />
    public string TrainerName => "xgb";

    /// <inheritdoc />
    public string Format => "xgboost-json";

    /// <summary>Loads a model saved by <see cref="Save"/> (or by Python's xgboost in JSON).</summary>
    /// <remarks>
    /// The managed evaluator reads the file first. When it covers the model (every model this
    /// code trains) the native library is not loaded until something needs it — scoring and
    /// explaining never do, so `mhi batch` and the server start without loading libxgboost and
    /// parsing the model a second time. Otherwise the library loads the model at once, and its
    /// error (a damaged file, another objective, no library) is thrown here as before. Both read
    /// the same bytes, and each parses a number to the nearest float, so the managed trees hold
    /// the library's values (tested against the native predictions).
    /// </remarks>
    public static XGBoostBinaryModel Load(Stream source, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return XGBoostTreeEnsemble.TryParse(bytes, out _) is { } evaluator
            ? new XGBoostBinaryModel(
                new Lazy<XGBoostModel>(() => XGBoostModel.LoadJson(bytes, threads)),
                evaluator
            )
            : new XGBoostBinaryModel(XGBoostModel.LoadJson(bytes, threads));
    }

    /// <inheritdoc />
    /// <remarks>
    /// With the managed evaluator: <see cref="PredictBlock"/> (the same probabilities as the
    /// native many-row prediction, bit for bit on every model and row compared — tested — at
    /// a fraction of its cost; permutation importance scores the test rows dozens of times with
    /// it). Without it, the native library.
    /// </remarks>
    public void Predict(FeatureMatrix data, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Evaluator is { } managed)
        {
            ModelGuard.CheckBatch(data, destination, managed.FeatureCount);
            PredictBlock(
                data.Features.AsSpan(0, data.Rows * data.Columns),
                destination[..data.Rows]
            );
            return;
        }

        var probabilities = Model.PredictProbabilities(data.Features, data.Rows);
        for (var i = 0; i < probabilities.Length; i++)
        {
            destination[i] = probabilities[i];
        }
    }

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<float> features)
    {
        if (Evaluator is not { } managed)
        {
            return Model.PredictProbability(features);
        }

        // The same checks as the native path: one value per feature, no infinities.
        XGBoostInput.ValidateMatrix(features, 1, managed.FeatureCount, nameof(features));
        return managed.Probability(features);
    }

    /// <inheritdoc />
    /// <remarks>
    /// With the managed evaluator: <see cref="XGBoostTreeEnsemble.Probabilities"/>, tree-major
    /// over blocks of rows, equal bit for bit to one <see cref="Predict(ReadOnlySpan{float})"/>
    /// per row; without it, one native call per row (the native many-row path can round
    /// differently, so it is not used here).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PredictBlock(ReadOnlySpan<float> rows, Span<double> destination)
    {
        var width = Evaluator?.FeatureCount ?? Model.FeatureCount;
        if (rows.Length != (long)destination.Length * width)
        {
            throw new ArgumentException(
                "The rows must hold one value per feature for each destination slot.",
                nameof(rows)
            );
        }

        if (Evaluator is not { } managed)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = Model.PredictProbability(rows.Slice(i * width, width));
            }

            return;
        }

        Span<float> probabilities = stackalloc float[XGBoostTreeEnsemble.BlockRows];
        for (var start = 0; start < destination.Length; start += probabilities.Length)
        {
            var count = Math.Min(probabilities.Length, destination.Length - start);
            managed.Probabilities(rows.Slice(start * width, count * width), probabilities[..count]);
            for (var i = 0; i < count; i++)
            {
                destination[start + i] = probabilities[i];
            }
        }
    }

    /// <inheritdoc />
    public FeatureContributions Explain(ReadOnlySpan<float> features)
    {
        var values = new double[features.Length];
        var bias = Explain(features, values);
        return new FeatureContributions(values, bias, ExplanationMethod);
    }

    /// <summary>
    /// Writes one TreeSHAP contribution per feature into <paramref name="destination"/> and
    /// returns the bias, allocating nothing when the managed evaluator is available.
    /// </summary>
    public double Explain(ReadOnlySpan<float> features, Span<double> destination)
    {
        if (destination.Length < features.Length)
        {
            throw new ArgumentException("One value per feature is needed.", nameof(destination));
        }

        if (Evaluator is { } managed)
        {
            XGBoostInput.ValidateMatrix(features, 1, managed.FeatureCount, nameof(features));
            Span<float> contributions =
                features.Length < 1024
                    ? stackalloc float[features.Length + 1]
                    : new float[features.Length + 1];
            managed.Contributions(features, contributions);
            for (var i = 0; i < features.Length; i++)
            {
                destination[i] = contributions[i];
            }

            return contributions[^1];
        }

        var native = Model.PredictContributions(features, 1);
        for (var i = 0; i < features.Length; i++)
        {
            destination[i] = native[i];
        }

        return native[^1];
    }

    /// <inheritdoc />
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(Model.ToJson());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }
}
