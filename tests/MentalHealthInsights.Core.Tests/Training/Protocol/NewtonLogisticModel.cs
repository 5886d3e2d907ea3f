using MathNet.Numerics.LinearAlgebra;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Explanations;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

/// <summary>The fitted model of <see cref="NewtonLogisticTrainer"/>.</summary>
internal sealed class NewtonLogisticModel(
    string trainerName,
    double[] weights,
    double bias,
    double lambda,
    bool squash
) : IBinaryModel, ILinearBinaryModel
{
    public IReadOnlyList<double> Weights => weights;

    public double Bias => bias;

    public double L2Regularization => lambda;

    public string TrainerName => trainerName;

    public string Format => "test-json";

    /// <summary>Minimises Σ logloss + (λ/2)‖w‖² (intercept unpenalised) by Newton–Raphson.</summary>
    public static (double[] Weights, double Bias) Solve(FeatureMatrix data, double lambda)
    {
        var q = data.Columns + 1;
        var beta = Vector<double>.Build.Dense(q);
        var x = new double[q];
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var gradient = Vector<double>.Build.Dense(q);
            var hessian = Matrix<double>.Build.Dense(q, q);
            for (var i = 0; i < data.Rows; i++)
            {
                x[0] = 1;
                var row = data.Row(i);
                for (var j = 0; j < row.Length; j++)
                {
                    x[j + 1] = row[j];
                }

                var margin = 0.0;
                for (var j = 0; j < q; j++)
                {
                    margin += beta[j] * x[j];
                }

                var p = 1 / (1 + Math.Exp(-margin));
                var residual = p - (data.Labels[i] ? 1 : 0);
                var w = p * (1 - p);
                for (var a = 0; a < q; a++)
                {
                    gradient[a] += residual * x[a];
                    for (var b = 0; b < q; b++)
                    {
                        hessian[a, b] += w * x[a] * x[b];
                    }
                }
            }

            for (var j = 1; j < q; j++)
            {
                gradient[j] += lambda * beta[j];
                hessian[j, j] += lambda;
            }

            var step = hessian.Cholesky().Solve(gradient);
            beta -= step;
            if (step.AbsoluteMaximum() < 1e-12)
            {
                break;
            }
        }

        return ([.. beta.Skip(1)], beta[0]);
    }

    public void Predict(FeatureMatrix data, Span<double> destination)
    {
        for (var i = 0; i < data.Rows; i++)
        {
            destination[i] = Predict(data.Row(i));
        }
    }

    public double Predict(ReadOnlySpan<float> features)
    {
        var margin = bias;
        for (var j = 0; j < features.Length; j++)
        {
            margin += weights[j] * features[j];
        }

        var p = 1 / (1 + Math.Exp(-margin));
        return squash ? 0.5 + ((p - 0.5) * 0.3) : p;
    }

    public FeatureContributions Explain(ReadOnlySpan<float> features)
    {
        var values = new double[features.Length];
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = weights[j] * features[j];
        }

        return new FeatureContributions(values, bias, "coefficient × standardised value");
    }

    public void Save(Stream destination)
    {
        using var writer = new StreamWriter(destination, leaveOpen: true);
        writer.Write(string.Join(",", weights.Append(bias).Select(NewtonLogisticTrainer.Format)));
    }

    public void Dispose() { }
}
