namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// The drift tests by registered name (Evidently's stattest names; names are case-sensitive, as
/// Evidently's: "TVD"). Not implemented from Evidently's list: the text-content tests; asking for
/// them is an <see cref="ArgumentException"/> naming the known tests.
/// </summary>
public static class DriftTestRegistry
{
    private static readonly Dictionary<string, IDriftTest> Tests = new IDriftTest[]
    {
        new KolmogorovSmirnovDriftTest(),
        new ChiSquareDriftTest(),
        new TwoProportionZDriftTest(),
        new WassersteinDriftTest(),
        new JensenShannonDriftTest(),
        new PsiDriftTest(),
        new KullbackLeiblerDriftTest(),
        new HellingerDriftTest(),
        new AndersonDarlingDriftTest(),
        new CramerVonMisesDriftTest(),
        new EnergyDistanceDriftTest(),
        new StudentTDriftTest(),
        new MannWhitneyDriftTest(),
        new GTestDriftTest(),
        new EppsSingletonDriftTest(),
        new FisherExactDriftTest(),
        new TotalVariationDriftTest(),
        new EmpiricalMmdDriftTest(),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every registered name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [.. Tests.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The test registered as <paramref name="name"/>; throws for an unknown name.</summary>
    public static IDriftTest Get(string name) =>
        TryGet(name, out var test)
            ? test
            : throw new ArgumentException(
                $"Unknown drift test '{name}'. Known tests: {string.Join(", ", Names)}.",
                nameof(name)
            );

    /// <summary>Looks a test up by name.</summary>
    public static bool TryGet(string name, out IDriftTest test) =>
        Tests.TryGetValue(name, out test!);
}
