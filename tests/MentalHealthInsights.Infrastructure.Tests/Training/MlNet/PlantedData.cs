using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Tests.Training.MlNet;

/// <summary>
/// Test data with a planted signal: standard-normal columns x0, x1 and three pure-noise
/// columns; label ~ Bernoulli(sigmoid(2·x0 − 1.5·x1)).
/// </summary>
internal static class PlantedData
{
    public static readonly string[] Columns = ["x0", "x1", "noise0", "noise1", "noise2"];

    public static FeatureMatrix Create(int rows, int seed)
    {
        var random = new Random(seed);
        var features = new float[rows * Columns.Length];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < Columns.Length; j++)
            {
                features[i * Columns.Length + j] = (float)Normal(random);
            }
            var margin = 2 * features[i * Columns.Length] - 1.5 * features[i * Columns.Length + 1];
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-margin));
        }
        return new FeatureMatrix(features, labels, Columns);
    }

    /// <summary>ROC AUC by the Mann–Whitney formula (ties count one half).</summary>
    public static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!labels[i])
            {
                continue;
            }
            for (var j = 0; j < scores.Length; j++)
            {
                if (labels[j])
                {
                    continue;
                }
                pairs++;
                wins +=
                    scores[i] > scores[j] ? 1
                    : scores[i] == scores[j] ? 0.5
                    : 0;
            }
        }
        return wins / pairs;
    }

    public static double[] Predict(IBinaryModel model, FeatureMatrix data)
    {
        var scores = new double[data.Rows];
        model.Predict(data, scores);
        return scores;
    }

    public static byte[] Save(IBinaryModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static double Normal(Random random)
    {
        // Box–Muller; 1 - U avoids log(0).
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
