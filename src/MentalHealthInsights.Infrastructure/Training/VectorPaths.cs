using System.Runtime.Intrinsics.X86;

namespace MentalHealthInsights.Infrastructure.Training;

/// <summary>
/// The register widths of the managed tree scorers' exit-leaf paths (XGBoost and the random
/// forest): AVX-512 (F and CD, whose lzcnt finds the exit leaf) before AVX2, else none.
/// </summary>
internal static class VectorPaths
{
    /// <summary>Rows per register on this machine: <paramref name="lanes512"/>, <paramref name="lanes256"/> or 0.</summary>
    public static int Widest(int lanes512, int lanes256) =>
        Avx512F.IsSupported && Avx512CD.IsSupported ? lanes512
        : Avx2.IsSupported ? lanes256
        : 0;

    /// <summary>Throws unless <paramref name="lanes"/> is 0 (no vectors) or a width this machine runs.</summary>
    /// <exception cref="PlatformNotSupportedException">The machine lacks the instructions.</exception>
    public static void CheckRunnable(int lanes, int lanes512, int lanes256)
    {
        if (
            lanes != 0
            && (lanes > Widest(lanes512, lanes256) || (lanes != lanes512 && lanes != lanes256))
        )
        {
            throw new PlatformNotSupportedException($"No {lanes}-lane vector path here.");
        }
    }
}
