using System.Buffers;
using System.Runtime.CompilerServices;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Explanations;

namespace MentalHealthInsights.Core.Scoring;

/// <summary>
/// The library API for scoring: <c>Predict(record) → probability, label, threshold, top
/// contributing factors</c>, for every model type (XGBoost: TreeSHAP; logistic regression:
/// coefficient × standardised value; random forest: path attribution). The same preprocessing
/// object and code path as training; thread-safe.
/// </summary>
public sealed class Predictor
{
    /// <summary>Creates a predictor from fitted parts (usually a loaded model bundle's).</summary>
    /// <param name="preprocessor">The fitted preprocessing of the model.</param>
    /// <param name="model">The model, calibrated where the protocol calibrated it.</param>
    /// <param name="threshold">The decision threshold stored with the model.</param>
    public Predictor(FittedPreprocessor preprocessor, IBinaryModel model, double threshold)
    {
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentNullException.ThrowIfNull(model);
        if (!(threshold is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), "must be in [0, 1]");
        }
        Preprocessor = preprocessor;
        Model = model;
        Threshold = threshold;
    }

    /// <summary>The fitted preprocessing.</summary>
    public FittedPreprocessor Preprocessor { get; }

    /// <summary>The model.</summary>
    public IBinaryModel Model { get; }

    /// <summary>The decision threshold.</summary>
    public double Threshold { get; }

    /// <summary>Scores one record and explains it with its <paramref name="topFactors"/> largest factors.</summary>
    public Prediction Predict(
        MentalHealthRecord record,
        int topFactors = PredictionExplainer.DefaultTop
    )
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<float> row = stackalloc float[Preprocessor.OutputWidth];
        var unknownMask = Preprocessor.Transform(record, row);
        var probability = Model.Predict(row);
        var explanation = PredictionExplainer.ExplainPrediction(
            Preprocessor,
            Model,
            record,
            row,
            topFactors
        );
        return new Prediction(
            probability,
            probability >= Threshold,
            Threshold,
            explanation.Factors,
            Preprocessor.GetUnknownColumns(unknownMask)
        );
    }

    /// <summary>Scores one record without explaining it (the fast path for batch scoring).</summary>
    public double PredictProbability(MentalHealthRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<float> row = stackalloc float[Preprocessor.OutputWidth];
        Preprocessor.Transform(record, row);
        return Model.Predict(row);
    }

    /// <summary>
    /// Scores many records without explaining them (batch scoring's path): each probability is
    /// bit for bit what <see cref="PredictProbability"/> returns, computed a block of rows at a
    /// time when the model implements <see cref="IBlockScoringModel"/>. Thread-safe.
    /// </summary>
    /// <param name="records">The records to score.</param>
    /// <param name="destination">One probability per record.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PredictProbabilities(
        ReadOnlySpan<MentalHealthRecord> records,
        Span<double> destination
    )
    {
        if (destination.Length != records.Length)
        {
            throw new ArgumentException(
                "One destination slot per record is needed.",
                nameof(destination)
            );
        }

        if (Model is not IBlockScoringModel block)
        {
            for (var i = 0; i < records.Length; i++)
            {
                destination[i] = PredictProbability(records[i]);
            }

            return;
        }

        var width = Preprocessor.OutputWidth;
        var buffer = ArrayPool<float>.Shared.Rent(BlockRows * width);
        try
        {
            for (var start = 0; start < records.Length; start += BlockRows)
            {
                var count = Math.Min(BlockRows, records.Length - start);
                for (var i = 0; i < count; i++)
                {
                    var record = records[start + i];
                    ArgumentNullException.ThrowIfNull(record, nameof(records));
                    Preprocessor.Transform(record, buffer.AsSpan(i * width, width));
                }

                block.PredictBlock(
                    buffer.AsSpan(0, count * width),
                    destination.Slice(start, count)
                );
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    // Rows transformed per model call: their features stay in the L1 cache while the model reads them.
    private const int BlockRows = 64;
}
