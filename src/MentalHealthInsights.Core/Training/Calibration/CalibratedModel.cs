using MentalHealthInsights.Core.Scoring;

namespace MentalHealthInsights.Core.Training.Calibration;

/// <summary>
/// A raw model with a calibrator on top (a decorator): <see cref="Predict(ReadOnlySpan{float})"/>
/// returns <c>Calibrator.Apply(raw score)</c>. Explanations are the raw model's (calibration is
/// monotone, so it does not change which columns push a score up or down). <see cref="Save"/>
/// writes only the raw model; the calibrator's parameters are stored separately by the model
/// bundle, from <see cref="Calibrator"/>. Owns <see cref="Raw"/> and disposes it.
/// </summary>
public sealed class CalibratedModel : IBinaryModel, IBlockScoringModel
{
    /// <summary>Wraps <paramref name="raw"/> (taking ownership) with <paramref name="calibrator"/>.</summary>
    public CalibratedModel(IBinaryModel raw, ICalibrator calibrator)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(calibrator);
        Raw = raw;
        Calibrator = calibrator;
    }

    /// <summary>The uncalibrated model.</summary>
    public IBinaryModel Raw { get; }

    /// <summary>The calibrator applied to the raw scores.</summary>
    public ICalibrator Calibrator { get; }

    /// <inheritdoc />
    public string TrainerName => Raw.TrainerName;

    /// <summary>The raw model's format: <see cref="Save"/> writes the raw model.</summary>
    public string Format => Raw.Format;

    /// <inheritdoc />
    public void Predict(FeatureMatrix data, Span<double> destination)
    {
        Raw.Predict(data, destination);
        var scores = destination[..data.Rows];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Calibrator.Apply(scores[i]);
        }
    }

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<float> features) => Calibrator.Apply(Raw.Predict(features));

    /// <summary>
    /// The calibrated probabilities of many rows: the raw model's block scoring when it has one
    /// (bit for bit its one-row scores, by <see cref="IBlockScoringModel"/>'s contract), else one
    /// raw prediction per row, then the calibrator on each — equal bit for bit to
    /// <see cref="Predict(ReadOnlySpan{float})"/> row by row. This is what lets batch scoring
    /// score a calibrated forest a block at a time.
    /// </summary>
    /// <exception cref="ArgumentException">The rows are not a whole number of rows per destination slot.</exception>
    public void PredictBlock(ReadOnlySpan<float> rows, Span<double> destination)
    {
        if (destination.Length == 0)
        {
            return;
        }

        if (rows.Length % destination.Length != 0)
        {
            throw new ArgumentException(
                "The rows must hold the same number of values for each destination slot.",
                nameof(rows)
            );
        }

        if (Raw is IBlockScoringModel block)
        {
            block.PredictBlock(rows, destination);
        }
        else
        {
            var width = rows.Length / destination.Length;
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = Raw.Predict(rows.Slice(i * width, width));
            }
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Calibrator.Apply(destination[i]);
        }
    }

    /// <summary>
    /// The raw model's explanation (in the raw model's margin units), with a Method that says
    /// so: the contributions do not add up to the calibrated probability's log-odds.
    /// </summary>
    public FeatureContributions Explain(ReadOnlySpan<float> features)
    {
        var raw = Raw.Explain(features);
        return raw with { Method = $"{raw.Method} (of the uncalibrated model)" };
    }

    /// <summary>Writes the raw model only; store <see cref="Calibrator"/>'s parameters beside it.</summary>
    public void Save(Stream destination) => Raw.Save(destination);

    /// <inheritdoc />
    public void Dispose() => Raw.Dispose();
}
