namespace MentalHealthInsights.Core.Tests.Statistics;

/// <summary>Relative-tolerance comparison for values checked against SciPy/numpy references.</summary>
internal static class StatAssert
{
    /// <summary>Default relative tolerance for reference values.</summary>
    public const double Relative = 1e-9;

    public static void Close(double expected, double actual, double relative = Relative)
    {
        if (expected == 0)
        {
            Assert.True(Math.Abs(actual) <= relative, $"Expected 0, got {actual:R}.");
            return;
        }

        double error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(
            error <= relative,
            $"Expected {expected:R}, got {actual:R} (relative error {error:E2} > {relative:E0})."
        );
    }
}
