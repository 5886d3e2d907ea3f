using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Explanations;

namespace MentalHealthInsights.Core.Tests.Training.Explanations;

/// <summary>A logistic model with given weights (no fitting): p = σ(bias + w·x), explained as w_j·x_j.</summary>
internal sealed class FixedLinearModel(double[] weights, double bias, double lambda = 0)
    : IBinaryModel,
        ILinearBinaryModel
{
    public IReadOnlyList<double> Weights => weights;

    public double Bias => bias;

    public double L2Regularization => lambda;

    public string TrainerName => "fixed";

    public string Format => "none";

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

        return 1 / (1 + Math.Exp(-margin));
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

    public void Save(Stream destination) { }

    public void Dispose() { }
}
