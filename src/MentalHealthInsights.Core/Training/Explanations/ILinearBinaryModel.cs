namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>
/// A fitted logistic-regression model exposes its weights so that the training protocol can
/// report coefficients, odds ratios and Wald intervals: p = σ(Bias + Σ Weights[j]·x[j]) on the
/// preprocessed (standardised / one-hot) features, in the model's input column order.
/// </summary>
public interface ILinearBinaryModel
{
    /// <summary>One weight per input column (log-odds per unit of the column).</summary>
    IReadOnlyList<double> Weights { get; }

    /// <summary>The intercept (not penalised).</summary>
    double Bias { get; }

    /// <summary>
    /// The L2 penalty λ of the objective Σᵢ logloss(xᵢ) + (λ/2)·‖Weights‖² (a sum over training
    /// rows, not a mean; the bias is not penalised). Its Hessian, λ·I on the weights, is added to
    /// the Fisher information XᵀWX when the standard errors are computed. 0 when unpenalised.
    /// </summary>
    double L2Regularization { get; }
}
