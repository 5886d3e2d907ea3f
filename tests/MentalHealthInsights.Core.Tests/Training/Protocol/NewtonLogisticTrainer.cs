using System.Globalization;
using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

/// <summary>
/// A real (small) L2 logistic regression fitted by Newton–Raphson, used as an independent "lr"
/// trainer in protocol tests. With <paramref name="squashScores"/> its scores are pulled towards
/// 0.5 (a monotone distortion), so it stands for a trainer whose scores need calibration.
/// </summary>
internal sealed class NewtonLogisticTrainer(string name = "lr", bool squashScores = false)
    : IBinaryTrainer
{
    private static readonly double[] Penalties = [1.0, 0.1, 10.0, 0.01, 100.0];

    public string Name => name;

    public string DisplayName => "Logistic regression (test Newton–Raphson, L2)";

    public bool NeedsCalibration => squashScores;

    public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed) =>
        [.. Penalties.Take(budget).Select(l => HyperParameters.Empty.With("l2", l))];

    public IBinaryModel Fit(
        FeatureMatrix training,
        HyperParameters hyperParameters,
        int seed,
        CancellationToken cancellationToken
    )
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lambda = hyperParameters.GetDouble("l2", 1.0);
        var (weights, bias) = NewtonLogisticModel.Solve(training, lambda);
        return new NewtonLogisticModel(name, weights, bias, lambda, squashScores);
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
