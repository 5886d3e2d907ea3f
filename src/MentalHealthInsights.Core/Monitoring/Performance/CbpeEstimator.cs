using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>
/// Confidence-based performance estimation for a binary model without labels, after NannyML's
/// CBPE (spec §2): fitted on a labelled reference (calibration decision, sampling-error
/// components, alert thresholds from reference chunks), then applied to any window of scores
/// and labels. Reference-period estimates are in-sample.
/// </summary>
public sealed partial class CbpeEstimator
{
    /// <summary>Width of the sampling-error band in standard errors (NannyML's SAMPLING_ERROR_RANGE).</summary>
    public const double SamplingErrorRange = 3;

    /// <summary>Reference chunks for the alert thresholds (chunk size = n // 10, remainder kept).</summary>
    public const int ReferenceChunks = 10;

    private readonly IsotonicCalibrator? _calibrator;
    private readonly Dictionary<string, (double Sigma, double Fraction)> _components;
    private readonly Dictionary<string, (double Lower, double Upper)> _thresholds;

    private CbpeEstimator(
        IsotonicCalibrator? calibrator,
        double rawEce,
        double calibratedEce,
        Dictionary<string, (double, double)> components,
        Dictionary<string, (double, double)> thresholds
    )
    {
        _calibrator = calibrator;
        RawCalibrationError = rawEce;
        CalibratedCalibrationError = calibratedEce;
        _components = components;
        _thresholds = thresholds;
    }

    /// <summary>Whether scores are calibrated (isotonic, fitted on the whole reference).</summary>
    public bool Calibrated => _calibrator is not null;

    /// <summary>ECE of the raw scores in the calibration decision (NaN when skipped).</summary>
    public double RawCalibrationError { get; }

    /// <summary>ECE of the calibrated scores in the calibration decision (NaN when skipped).</summary>
    public double CalibratedCalibrationError { get; }

    /// <summary>Alert thresholds per metric (lower, upper), from reference chunks.</summary>
    public IReadOnlyDictionary<string, (double Lower, double Upper)> Thresholds => _thresholds;

    /// <summary>
    /// Fits on the reference: <paramref name="scores"/> are the model's probabilities,
    /// <paramref name="labels"/> its labels, <paramref name="outcomes"/> the observed truth.
    /// </summary>
    /// <exception cref="ArgumentException">Mismatched lengths, or fewer than 20 rows.</exception>
    public static CbpeEstimator Fit(
        ReadOnlySpan<double> scores,
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<bool> outcomes
    )
    {
        if (scores.Length != labels.Length || scores.Length != outcomes.Length)
        {
            throw new ArgumentException(
                "Scores, labels and outcomes must have the same length.",
                nameof(scores)
            );
        }
        if (scores.Length < 20)
        {
            throw new ArgumentException(
                "CBPE needs at least 20 labelled reference rows.",
                nameof(scores)
            );
        }
        var (needed, rawEce, calibratedEce) = CbpeCalibration.NeedsCalibration(outcomes, scores);
        var calibrator = needed ? IsotonicCalibrator.Fit(scores, outcomes) : null;
        var components = SamplingErrorComponents(labels, outcomes, scores);
        var thresholds = ChunkThresholds(scores, labels, outcomes);
        return new CbpeEstimator(calibrator, rawEce, calibratedEce, components, thresholds);
    }

    /// <summary>Calibrated p̂ of one score (the score itself when calibration is not applied).</summary>
    public double Calibrate(double score) => _calibrator?.Apply(score) ?? score;

    /// <summary>Estimates every <see cref="CbpeMetric"/> on one window; empty windows give NaN values.</summary>
    public IReadOnlyDictionary<string, CbpeEstimate> Estimate(
        ReadOnlySpan<double> scores,
        ReadOnlySpan<bool> labels
    )
    {
        var calibrated = new double[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            calibrated[i] = Calibrate(scores[i]);
        }
        var confusion = ExpectedConfusion.From(calibrated, labels);
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [MetricNames.Accuracy] = confusion.Accuracy,
            [MetricNames.Precision] = confusion.Precision,
            [MetricNames.Recall] = confusion.Recall,
            [MetricNames.F1] = confusion.F1,
            [MetricNames.RocAuc] = CbpeAuc.Estimate(scores, calibrated),
        };
        var result = new Dictionary<string, CbpeEstimate>(StringComparer.Ordinal);
        int n = scores.Length;
        foreach (var name in CbpeMetric.All)
        {
            double value = n == 0 ? double.NaN : values[name];
            var (sigma, fraction) = _components[name];
            double se =
                name == MetricNames.Accuracy
                    ? sigma / Math.Sqrt(n)
                    : sigma / Math.Sqrt(n * fraction);
            var (lower, upper) = _thresholds[name];
            bool alert =
                !double.IsNaN(value)
                && (
                    (!double.IsNaN(lower) && value < lower)
                    || (!double.IsNaN(upper) && value > upper)
                );
            result[name] = new CbpeEstimate(
                value,
                se,
                Math.Max(0, value - SamplingErrorRange * se),
                Math.Min(1, value + SamplingErrorRange * se),
                lower,
                upper,
                alert
            );
        }
        return result;
    }
}
