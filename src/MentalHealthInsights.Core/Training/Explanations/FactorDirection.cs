namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>Which way one factor moves one prediction.</summary>
public enum FactorDirection
{
    /// <summary>The factor raises the predicted risk (positive log-odds contribution).</summary>
    Up,

    /// <summary>The factor lowers the predicted risk (negative log-odds contribution).</summary>
    Down,
}
