namespace MentalHealthInsights.Core.Training;

/// <summary>
/// A fitted model over preprocessed features. Prediction is thread-safe. Scores are in [0, 1]
/// (raw, before any calibration the training protocol adds on top).
/// </summary>
public interface IBinaryModel : IDisposable
{
    /// <summary>The trainer's registry name.</summary>
    string TrainerName { get; }

    /// <summary>The file format written by <see cref="Save"/>: "mlnet-zip", "xgboost-json" or "baseline-json".</summary>
    string Format { get; }

    /// <summary>Scores every row of <paramref name="data"/> into <paramref name="destination"/>.</summary>
    void Predict(FeatureMatrix data, Span<double> destination);

    /// <summary>Scores one row.</summary>
    double Predict(ReadOnlySpan<float> features);

    /// <summary>
    /// Per-column contributions to this row's score in log-odds (margin) units, one per input
    /// column (same order as the matrix's columns), and the bias: XGBoost's TreeSHAP, logistic
    /// regression's coefficient × standardised value, and a documented equivalent for others.
    /// </summary>
    FeatureContributions Explain(ReadOnlySpan<float> features);

    /// <summary>Writes the model in <see cref="Format"/>.</summary>
    void Save(Stream destination);
}
