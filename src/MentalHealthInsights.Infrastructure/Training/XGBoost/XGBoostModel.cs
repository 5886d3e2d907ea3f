namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// A binary:logistic XGBoost model backed by the native library (libxgboost 1.7): training,
/// prediction, TreeSHAP explanations and XGBoost's JSON model format, which Python's
/// <c>xgboost.Booster().load_model</c> reads and predicts identically.
/// </summary>
/// <remarks>
/// <para>
/// Threading: once created (by training or loading) the model is read-only. All
/// Predict* members, <see cref="ToJson"/>, <see cref="SaveJson"/> and <see cref="GetConfigJson"/>
/// may be called from many threads at once; the library keeps output buffers per thread
/// (concurrent prediction is tested; the serialisation members rely on the same library design).
/// Training runs on the calling thread and uses <see cref="XGBoostOptions.Threads"/> native
/// threads. <see cref="Dispose"/> while a prediction runs is safe: the native booster is freed when
/// the last in-flight call returns, and later calls throw <see cref="ObjectDisposedException"/>.
/// </para>
/// <para>
/// Matrices are row-major <see cref="float"/> spans; NaN marks a missing value (the trees send it
/// down the learned default branch); ±∞ is rejected.
/// </para>
/// </remarks>
public sealed partial class XGBoostModel : IDisposable
{
    private readonly Booster booster;

    private XGBoostModel(Booster booster)
    {
        this.booster = booster;
        FeatureCount = checked((int)booster.FeatureCount);
        BoostedRounds = booster.BoostedRounds;
    }

    /// <summary>Number of input features (columns) the model expects.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of boosting rounds (trees, for binary:logistic) in the model.</summary>
    public int BoostedRounds { get; }

    /// <summary>
    /// Version of the loaded native library, e.g. "1.7.4". Throws
    /// <see cref="XGBoostUnavailableException"/> (with the install command) when it cannot be loaded.
    /// </summary>
    public static string LibraryVersion => XGBoostLibrary.Version;

    /// <summary>
    /// Trains a model on <paramref name="rows"/> × <paramref name="cols"/> row-major
    /// <paramref name="features"/> and 0/1 <paramref name="labels"/>.
    /// </summary>
    /// <param name="features">Row-major values; NaN = missing; length rows × cols.</param>
    /// <param name="rows">Number of rows, ≥ 1.</param>
    /// <param name="cols">Number of features, ≥ 1.</param>
    /// <param name="labels">One label per row, each exactly 0 or 1.</param>
    /// <param name="options">Validated first; see <see cref="XGBoostOptions"/>.</param>
    /// <param name="weights">Optional per-row weights (empty = unweighted): finite, ≥ 0, not all 0.</param>
    /// <param name="cancellationToken">Checked before each boosting round.</param>
    /// <exception cref="ArgumentException">A shape, label, weight or option is invalid.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing is leaked.</exception>
    /// <exception cref="XGBoostException">The library failed (message from the library).</exception>
    public static XGBoostModel Train(
        ReadOnlySpan<float> features,
        int rows,
        int cols,
        ReadOnlySpan<float> labels,
        XGBoostOptions options,
        ReadOnlySpan<float> weights = default,
        CancellationToken cancellationToken = default
    ) => Train(features, rows, cols, labels, options, weights, null, cancellationToken);

    /// <summary>As the public overload; <paramref name="afterRound"/> runs after each round (tests use it to cancel mid-training).</summary>
    internal static XGBoostModel Train(
        ReadOnlySpan<float> features,
        int rows,
        int cols,
        ReadOnlySpan<float> labels,
        XGBoostOptions options,
        ReadOnlySpan<float> weights,
        Action<int>? afterRound,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var train = XGBoostTrainingMatrix.Create(
            features,
            rows,
            cols,
            labels,
            weights,
            cancellationToken
        );
        return Train(train, options, afterRound, cancellationToken);
    }

    /// <summary>
    /// Trains on a matrix that other fits may share (a search fold's; see
    /// <see cref="XGBoostTrainingMatrix"/>). The same options give the same model as the
    /// span overloads.
    /// </summary>
    internal static XGBoostModel Train(
        XGBoostTrainingMatrix train,
        XGBoostOptions options,
        Action<int>? afterRound,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var booster = Booster.Create(train.Matrix);
        try
        {
            foreach (var (name, value) in options.ToParameters())
            {
                booster.SetParam(name, value);
            }

            for (var round = 0; round < options.Rounds; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                train.UpdateOneIter(booster, round, options);
                afterRound?.Invoke(round);
            }

            return new XGBoostModel(booster);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The learner's full configuration as XGBoost JSON (every parameter, defaults included):
    /// the record of how the model was configured, worth storing beside the model.
    /// </summary>
    public string GetConfigJson()
    {
        ThrowIfDisposed();
        return booster.SaveJsonConfig();
    }

    /// <summary>Frees the native booster (deferred until in-flight predictions return). Idempotent.</summary>
    public void Dispose() => booster.Dispose();

    private void ThrowIfDisposed() =>
        ObjectDisposedException.ThrowIf(booster.Handle.IsClosed, this);
}
