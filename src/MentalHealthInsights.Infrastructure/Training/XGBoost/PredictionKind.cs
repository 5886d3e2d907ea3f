namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>The <c>option_mask</c> values of <c>XGBoosterPredict</c> that this binding uses.</summary>
internal enum PredictionKind
{
    /// <summary>Transformed output: P(y = 1) for binary:logistic.</summary>
    Probability = 0,

    /// <summary>Untransformed output (log-odds).</summary>
    Margin = 1,

    /// <summary>TreeSHAP contributions, rows × (features + 1), bias last.</summary>
    Contributions = 4,
}
