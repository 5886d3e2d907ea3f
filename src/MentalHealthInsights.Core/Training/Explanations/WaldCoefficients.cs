using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>
/// Logistic-regression coefficients with odds ratios and Wald intervals. The covariance of
/// (intercept, weights) is the inverse of the penalised observed information at the fitted
/// weights, Cov = (XᵀWX + λ·I₀)⁻¹, where X has a leading column of ones, W = diag(pᵢ(1 − pᵢ)) with
/// pᵢ = σ(bias + w·xᵢ) on the training rows, and I₀ is the identity without the intercept entry
/// (the bias is not penalised). With λ = 0 this is the textbook (statsmodels) Wald covariance;
/// with λ &gt; 0 it is the usual ridge approximation (it treats the penalty as known).
/// </summary>
public static class WaldCoefficients
{
    /// <summary>Computes the coefficient table.</summary>
    /// <param name="model">The fitted linear model.</param>
    /// <param name="training">The rows it was fitted on (preprocessed).</param>
    /// <param name="preprocessor">Maps slots to original columns.</param>
    /// <param name="confidence">Interval coverage (default 0.95).</param>
    /// <remarks>
    /// A slot that is zero on every training row (an "&lt;unknown&gt;" slot never used) has no
    /// information: its block of the matrix is λ alone and decoupled from the rest, so leaving it
    /// out changes nothing else; it is left out and named in the notes. When the matrix is not
    /// positive definite (λ = 0 with collinear one-hot slots) every standard error is NaN and a
    /// note says why.
    /// </remarks>
    public static CoefficientTable Compute(
        ILinearBinaryModel model,
        FeatureMatrix training,
        FittedPreprocessor preprocessor,
        double confidence = 0.95
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(preprocessor);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(confidence),
                "confidence must be within (0, 1)."
            );
        }

        var weights = model.Weights;
        if (weights.Count != training.Columns || training.Columns != preprocessor.OutputWidth)
        {
            throw new ArgumentException(
                $"The model has {weights.Count} weights, the data {training.Columns} columns and the preprocessor {preprocessor.OutputWidth} slots.",
                nameof(training)
            );
        }

        var notes = new List<string>();
        var kept = ObservedSlots(training, notes);
        var information = Information(model, training, kept);
        var covariance = Invert(information, notes);
        var z = Normal.InvCDF(0, 1, (1 + confidence) / 2);
        var coefficients = new LinearCoefficient[kept.Length];
        for (var k = 0; k < kept.Length; k++)
        {
            var slot = kept[k];
            var beta = weights[slot];
            var se = covariance is null ? double.NaN : Math.Sqrt(covariance[k + 1, k + 1]);
            var p =
                double.IsNaN(se) ? double.NaN
                : se == 0 ? (beta == 0 ? 1 : 0)
                : 2 * Normal.CDF(0, 1, -Math.Abs(beta / se));
            coefficients[k] = new LinearCoefficient(
                training.ColumnNames[slot],
                preprocessor.SourceColumnOfOutput[slot],
                beta,
                se,
                Math.Exp(beta),
                Math.Exp(beta - (z * se)),
                Math.Exp(beta + (z * se)),
                p
            );
        }

        return new CoefficientTable(
            coefficients,
            model.Bias,
            covariance is null ? double.NaN : Math.Sqrt(covariance[0, 0]),
            notes
        );
    }

    private static int[] ObservedSlots(FeatureMatrix training, List<string> notes)
    {
        var observed = new bool[training.Columns];
        var values = training.Features;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != 0f)
            {
                observed[i % training.Columns] = true;
            }
        }

        var kept = new List<int>(training.Columns);
        for (var j = 0; j < observed.Length; j++)
        {
            if (observed[j])
            {
                kept.Add(j);
            }
            else
            {
                notes.Add(
                    $"{training.ColumnNames[j]}: zero on every training row; left out of the coefficient table."
                );
            }
        }

        return [.. kept];
    }

    /// <summary>XᵀWX + λ·I₀ over the kept slots (index 0 is the intercept), accumulated in row order.</summary>
    private static double[,] Information(
        ILinearBinaryModel model,
        FeatureMatrix training,
        int[] kept
    )
    {
        var q = kept.Length + 1;
        var h = new double[q, q];
        var weights = model.Weights;
        var x = new double[q];
        x[0] = 1;
        for (var i = 0; i < training.Rows; i++)
        {
            var row = training.Row(i);
            var margin = model.Bias;
            for (var j = 0; j < row.Length; j++)
            {
                margin += weights[j] * row[j];
            }

            var p = 1 / (1 + Math.Exp(-margin));
            var w = p * (1 - p);
            for (var k = 0; k < kept.Length; k++)
            {
                x[k + 1] = row[kept[k]];
            }

            for (var a = 0; a < q; a++)
            {
                var wa = w * x[a];
                if (wa == 0)
                {
                    continue;
                }

                for (var b = a; b < q; b++)
                {
                    h[a, b] += wa * x[b];
                }
            }
        }

        for (var a = 0; a < q; a++)
        {
            for (var b = 0; b < a; b++)
            {
                h[a, b] = h[b, a];
            }

            if (a > 0)
            {
                h[a, a] += model.L2Regularization;
            }
        }

        return h;
    }

    /// <summary>
    /// Pivots of the Cholesky factor below this fraction of the largest diagonal entry mean the
    /// matrix is singular up to rounding (floating-point Cholesky rarely fails outright).
    /// </summary>
    private const double RelativePivotTolerance = 1e-12;

    private static Matrix<double>? Invert(double[,] information, List<string> notes)
    {
        var matrix = Matrix<double>.Build.DenseOfArray(information);
        try
        {
            var cholesky = matrix.Cholesky();
            var largest = matrix.Diagonal().AbsoluteMaximum();
            var factor = cholesky.Factor;
            for (var k = 0; k < factor.RowCount; k++)
            {
                if (!(factor[k, k] * factor[k, k] > RelativePivotTolerance * largest))
                {
                    throw new ArgumentException("Singular up to rounding.");
                }
            }

            var inverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(matrix.RowCount));
            for (var k = 0; k < inverse.RowCount; k++)
            {
                if (!(inverse[k, k] >= 0) || !double.IsFinite(inverse[k, k]))
                {
                    throw new ArgumentException("Non-finite variance.");
                }
            }

            return inverse;
        }
        catch (ArgumentException)
        {
            notes.Add(
                "The information matrix is not positive definite (an unpenalised model with collinear one-hot slots); standard errors are undefined."
            );
            return null;
        }
    }
}
