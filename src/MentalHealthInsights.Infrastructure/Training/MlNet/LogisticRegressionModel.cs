using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Explanations;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// A fitted ML.NET logistic regression. Prediction does not go through ML.NET: the weights
/// are read out once and <c>sigmoid(intercept + Σ coefficient·x)</c> is computed directly,
/// which is exact (ML.NET's own probability is the same formula in single precision),
/// allocation-free and thread-safe. Saved as an ML.NET model zip ("mlnet-zip").
/// </summary>
public sealed class LogisticRegressionModel : IBinaryModel, ILinearBinaryModel
{
    /// <summary>The file format written by <see cref="Save"/>.</summary>
    public const string FormatName = "mlnet-zip";

    /// <summary>The explanation method.</summary>
    public const string ExplanationMethod = "coefficient × standardised value";

    private readonly double[] _coefficients;
    private readonly Lazy<byte[]> _zip;

    private LogisticRegressionModel(
        double[] coefficients,
        double intercept,
        double l2Regularization,
        Lazy<byte[]> zip
    )
    {
        _coefficients = coefficients;
        L2Regularization = l2Regularization;
        Intercept = intercept;
        Coefficients = Array.AsReadOnly(coefficients);
        _zip = zip;
    }

    /// <summary>
    /// Log-odds coefficients, one per input column, in the matrix's column order: exp(coefficient)
    /// is the odds ratio for one unit of the (standardised or one-hot) column.
    /// </summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>The log-odds intercept.</summary>
    public double Intercept { get; }

    /// <inheritdoc />
    public IReadOnlyList<double> Weights => Coefficients;

    /// <inheritdoc />
    public double Bias => Intercept;

    /// <summary>
    /// The L2 weight λ the model was fitted with (objective Σ log loss + (λ/2)‖w‖², ML.NET's
    /// convention), used for the Wald intervals of the odds ratios; NaN for a model loaded from a
    /// file, whose zip does not record it.
    /// </summary>
    public double L2Regularization { get; }

    /// <summary>Number of input columns.</summary>
    public int Columns => _coefficients.Length;

    /// <inheritdoc />
    public string TrainerName => LogisticRegressionTrainer.TrainerName;

    /// <inheritdoc />
    public string Format => FormatName;

    /// <inheritdoc />
    public void Predict(FeatureMatrix data, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(data);
        ModelGuard.CheckBatch(data, destination, Columns);
        for (var i = 0; i < data.Rows; i++)
        {
            destination[i] = Sigmoid(Margin(data.Row(i)));
        }
    }

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<float> features)
    {
        ModelGuard.CheckRow(features, Columns);
        return Sigmoid(Margin(features));
    }

    /// <summary>
    /// <c>Values[j] = coefficient_j × x_j</c> and <c>Bias = intercept</c>, so that
    /// <c>Bias + Σ Values = logit(Predict(x))</c> exactly (up to rounding).
    /// </summary>
    public FeatureContributions Explain(ReadOnlySpan<float> features)
    {
        ModelGuard.CheckRow(features, Columns);
        var values = new double[Columns];
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = _coefficients[j] * features[j];
        }
        return new FeatureContributions(values, Intercept, ExplanationMethod);
    }

    /// <summary>Writes the ML.NET zip (byte-identical for identical models: entry times are fixed).</summary>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(_zip.Value);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not an ML.NET logistic-regression zip.</exception>
    public static LogisticRegressionModel Load(Stream source)
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
        return FromTransformer(
            transformer,
            expectedColumns: null,
            double.NaN,
            new Lazy<byte[]>(bytes)
        );
    }

    /// <summary>Nothing unmanaged to release.</summary>
    public void Dispose() { }

    internal static LogisticRegressionModel Create(
        ITransformer transformer,
        int columns,
        double l2Regularization,
        Func<byte[]> save
    ) => FromTransformer(transformer, columns, l2Regularization, new Lazy<byte[]>(save));

    private static LogisticRegressionModel FromTransformer(
        ITransformer transformer,
        int? expectedColumns,
        double l2Regularization,
        Lazy<byte[]> zip
    )
    {
        if (
            transformer
            is not ISingleFeaturePredictionTransformer<
                CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>
            > predictor
        )
        {
            throw new InvalidDataException(
                "The ML.NET model is not a calibrated linear binary classifier."
            );
        }
        var linear = predictor.Model.SubModel;
        var calibrator = predictor.Model.Calibrator;
        if (expectedColumns is { } columns && linear.Weights.Count != columns)
        {
            throw new InvalidOperationException(
                $"ML.NET returned {linear.Weights.Count} weights for {columns} columns."
            );
        }
        // ML.NET's probability is 1 / (1 + exp(slope·score + offset)) with score = w·x + b
        // (slope = -1 and offset = 0 for logistic regression); folding the calibrator into the
        // weights keeps Predict and Explain in one log-odds scale whatever ML.NET stored.
        var slope = calibrator.Slope;
        var coefficients = new double[linear.Weights.Count];
        for (var j = 0; j < coefficients.Length; j++)
        {
            coefficients[j] = -slope * linear.Weights[j];
        }
        var intercept = -(slope * linear.Bias + calibrator.Offset);
        return new LogisticRegressionModel(coefficients, intercept, l2Regularization, zip);
    }

    private double Margin(ReadOnlySpan<float> features)
    {
        var margin = Intercept;
        for (var j = 0; j < _coefficients.Length; j++)
        {
            margin += _coefficients[j] * features[j];
        }
        return margin;
    }

    private static double Sigmoid(double x) =>
        x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
}
