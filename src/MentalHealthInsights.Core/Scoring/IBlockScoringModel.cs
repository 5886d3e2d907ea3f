namespace MentalHealthInsights.Core.Scoring;

/// <summary>
/// A model that scores many preprocessed rows in one call, faster than one
/// <see cref="Training.IBinaryModel.Predict(ReadOnlySpan{float})"/> call per row and with exactly
/// the same probabilities (bit for bit), so batch output does not depend on which path ran.
/// <see cref="Predictor.PredictProbabilities"/> uses it when the model implements it.
/// </summary>
public interface IBlockScoringModel
{
    /// <summary>Scores <paramref name="destination"/>.Length rows.</summary>
    /// <param name="rows">Row-major features, <paramref name="destination"/>.Length × the model's width.</param>
    /// <param name="destination">One probability per row, as the one-row prediction returns it.</param>
    /// <exception cref="ArgumentException">The lengths disagree or a value is not allowed (e.g. infinite).</exception>
    void PredictBlock(ReadOnlySpan<float> rows, Span<double> destination);
}
