using MentalHealthInsights.Core.Monitoring.Drift;

namespace MentalHealthInsights.Core.Tests.Monitoring.Drift;

/// <summary>
/// Fixed vectors shared by the reference-value tests. <see cref="Gen"/> is exact rational
/// arithmetic, so numpy builds the same doubles: gen(n, mul, mod, div, off) =
/// np.array([((i*mul) % mod)/div + off for i in range(n)], dtype=float).
/// </summary>
internal static class DriftVectors
{
    public static readonly double[] A =
    [
        0.61,
        1.25,
        2.3,
        -0.4,
        1.9,
        0.05,
        3.1,
        2.2,
        0.75,
        1.1,
        -1.2,
        0.9,
    ];
    public static readonly double[] B =
    [
        1.8,
        2.6,
        0.3,
        3.9,
        2.1,
        1.6,
        4.4,
        2.9,
        0.8,
        3.3,
        2.75,
        1.45,
        2.05,
        3.6,
        1.2,
    ];
    public static readonly double[] C = [0.2, 1.1, 1.9, 2.5, 0.7, 1.4, 3.0, 0.1, 2.2, 1.6];
    public static readonly double[] D = [0.9, 2.4, 1.3, 3.5, 2.8, 1.7, 0.6, 2.95, 3.8, 2.05];
    public static readonly double[] G1 = [0.3, 1.2, 2.5, 0.8, 1.9];
    public static readonly double[] G2 = [2.2, 3.1, 0.5, 2.7, 4.0, 3.6];

    public static double[] Gen(int n, int mul, int mod, double div, double off = 0.0)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = (long)i * mul % mod / div + off;
        }
        return values;
    }

    public static double[] L1 => Gen(300, 37, 101, 7.0);
    public static double[] L2 => Gen(450, 41, 103, 7.0, 0.9);
    public static double[] T1 => Gen(40, 3, 7, 1.0);
    public static double[] T2 => Gen(55, 5, 7, 1.0, 1.0);
    public static double[] T3 => Gen(55, 5, 7, 1.0);

    public static double[] Named(string name) =>
        name switch
        {
            "A" => A,
            "B" => B,
            "C" => C,
            "D" => D,
            "G1" => G1,
            "G2" => G2,
            "L1" => L1,
            "L2" => L2,
            "T1" => T1,
            "T2" => T2,
            "T3" => T3,
            _ => throw new ArgumentException(name, nameof(name)),
        };

    public static DriftTestScore Run(
        string test,
        string reference,
        string current,
        DriftColumnKind kind = DriftColumnKind.Numerical
    ) =>
        DriftTestRegistry
            .Get(test)
            .Compute(DriftSample.From(Named(reference)), DriftSample.From(Named(current)), kind);
}
