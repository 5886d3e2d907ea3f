using System.Runtime.InteropServices;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>
/// Small synthetic binary problems built in memory: y = 1 when x0 > 0.5, with a share of labels
/// flipped as noise; the other columns are uniform noise. Seeded, so each test gets fixed data.
/// </summary>
internal sealed record SyntheticXGBoostData(float[] Features, float[] Labels, int Rows, int Cols)
{
    public static SyntheticXGBoostData Create(
        int rows,
        int cols,
        int seed,
        double labelNoise = 0.1,
        double missingShare = 0,
        bool missingInSignal = false
    )
    {
        var random = new Random(seed);
        var features = new float[rows * cols];
        var labels = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var missing = (c > 0 || missingInSignal) && random.NextDouble() < missingShare;
                features[(r * cols) + c] = missing ? float.NaN : (float)random.NextDouble();
            }

            var x0 = features[r * cols];
            var positive = !float.IsNaN(x0) ? x0 > 0.5f : random.NextDouble() < 0.5;
            if (random.NextDouble() < labelNoise)
            {
                positive = !positive;
            }

            labels[r] = positive ? 1f : 0f;
        }

        return new SyntheticXGBoostData(features, labels, rows, cols);
    }

    public ReadOnlySpan<float> Row(int row) => Features.AsSpan(row * Cols, Cols);

    /// <summary>Bitwise equality (NaN patterns included), which float equality cannot express.</summary>
    public static bool BitwiseEqual(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        MemoryMarshal.AsBytes(a).SequenceEqual(MemoryMarshal.AsBytes(b));
}
