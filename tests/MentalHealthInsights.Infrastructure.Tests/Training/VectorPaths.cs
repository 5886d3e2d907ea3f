using System.Runtime.Intrinsics.X86;

namespace MentalHealthInsights.Infrastructure.Tests.Training;

/// <summary>
/// The vector paths of the tree scorers this machine can run, computed from its instruction
/// sets (not read from the scorers): AVX-512 (F and CD) before AVX2, else the scalar walk (0).
/// </summary>
internal static class VectorPaths
{
    /// <summary>Rows per register of the path a scorer should choose here.</summary>
    public static int Widest(int avx512Lanes, int avx2Lanes) =>
        Avx512F.IsSupported && Avx512CD.IsSupported ? avx512Lanes
        : Avx2.IsSupported ? avx2Lanes
        : 0;

    /// <summary>Every path this machine can run, so an AVX-512 machine still proves the AVX2 one.</summary>
    public static IEnumerable<int> Runnable(int avx512Lanes, int avx2Lanes) =>
        new[] { 0, avx2Lanes, avx512Lanes }.Where(lanes => lanes <= Widest(avx512Lanes, avx2Lanes));
}
