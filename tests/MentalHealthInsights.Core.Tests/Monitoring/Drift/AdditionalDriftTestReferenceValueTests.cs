using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Tests.Statistics;

namespace MentalHealthInsights.Core.Tests.Monitoring.Drift;

// Reference values: SciPy 1.10.1 / numpy 1.24.2 in /usr/bin/python3 on the vectors of DriftVectors
// (gen(...) as documented there):
//   es: st.epps_singleton_2samp(x, y) (statistic, pvalue)
//   fisher_exact: st.fisher_exact([[a, b], [c, d]]) (statistic = odds ratio, pvalue)
//   TVD: Evidently 0.4's tvd_stattest algorithm re-written with numpy at development time:
//     obs = 0.5 * sum(|ref_share_k - cur_share_k|) over the union's keys; np.random.seed(0); 1000 times
//     new_ref = np.random.choice(ref + cur, len(ref), replace=False), new_cur = the rest (Counter
//     difference); p = mean(obs <= tvd(new_ref, new_cur)); ref and cur are np.sort(x).tolist().
//   empirical_mmd: Evidently 0.4's mmd_stattest.mmd_pval re-written with numpy on
//     np.sort(x).reshape(-1, 1), np.sort(y).reshape(-1, 1), preceded by np.random.seed(0)
//     (dist = (y**2).T - 2 * x @ y.T + x**2; sigma = sqrt(0.5 * percentile(dxx, 50,
//     method="nearest")); K = exp(-dist / (2 sigma^2)), diagonal zeroed; 100 permutations).
public class AdditionalDriftTestReferenceValueTests
{
    [Fact]
    public void NumpyLegacyRandom_Seed0_PermutationMatchesNumpy()
    {
        // np.random.seed(0); np.random.permutation(10).tolist()
        var random = new NumpyLegacyRandom(0);
        var values = Enumerable.Range(0, 10).ToArray();

        random.Shuffle(values.AsSpan());

        Assert.Equal([2, 8, 4, 9, 1, 6, 7, 3, 0, 5], values);
    }

    [Fact]
    public void NumpyLegacyRandom_Seed0_FirstOutputIsMt19937Reference()
    {
        // The first 32-bit output of MT19937 after init_genrand(0) (numpy:
        // np.random.RandomState(0).randint(0, 2**32, dtype=np.uint64) reads the same word) is 2357136044.
        Assert.Equal(2357136044u, new NumpyLegacyRandom(0).NextUInt32());
    }

    [Theory]
    [InlineData("A", "B", 5.631028712702457, 0.2284497795462349)]
    [InlineData("C", "D", 2.8372098632732694, 0.5854268543778249)]
    [InlineData("L1", "L2", 36.04533016762946, 2.8322224869429953e-07)]
    [InlineData("T1", "T2", 13.355318322506962, 0.009664030736633132)]
    public void EppsSingleton_FixedVectors_MatchesScipy(string x, string y, double w, double p)
    {
        var score = DriftVectors.Run("es", x, y);

        StatAssert.Close(w, score.Statistic);
        StatAssert.Close(p, score.Score);
    }

    [Fact]
    public void EppsSingleton_ZeroInterquartileRange_IsNotApplicable()
    {
        // Ten 1s, one 2 and one 3: the middle half is all 1, so st.iqr(np.hstack((r, c))) == 0.0.
        double[] r = [1, 1, 1, 1, 1, 2];
        double[] c = [1, 1, 1, 3, 1, 1];

        var error = Assert.Throws<DriftTestNotApplicableException>(() =>
            new EppsSingletonDriftTest().Compute(
                DriftSample.From(r),
                DriftSample.From(c),
                DriftColumnKind.Numerical
            )
        );
        Assert.Contains("interquartile range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EppsSingleton_FewerThanFiveValues_IsNotApplicable()
    {
        var error = Assert.Throws<DriftTestNotApplicableException>(() =>
            new EppsSingletonDriftTest().Compute(
                DriftSample.From([1.0, 2, 3, 4]),
                DriftSample.From(DriftVectors.B),
                DriftColumnKind.Numerical
            )
        );
        Assert.Contains("at least 5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 7, 8, 2, 0.10714285714285714, 0.06977851869492736)]
    [InlineData(10, 20, 30, 40, 0.6666666666666666, 0.5044757698516285)]
    [InlineData(0, 5, 5, 0, 0.0, 0.007936507936507938)]
    [InlineData(1, 9, 11, 3, 0.030303030303030304, 0.0027594561852200836)]
    [InlineData(100, 120, 90, 130, 1.2037037037037037, 0.38640206316852427)]
    [InlineData(50, 50, 50, 50, 1.0, 1.0)]
    [InlineData(2, 8, 8, 2, 0.0625, 0.023014137565221155)]
    [InlineData(7, 3, 2, 8, 9.333333333333334, 0.06977851869492736)]
    public void FisherExact_Tables_MatchesScipy(int a, int b, int c, int d, double odds, double p)
    {
        var (actualOdds, actualP) = FisherExactDriftTest.TwoSided(a, b, c, d);

        StatAssert.Close(odds, actualOdds);
        StatAssert.Close(p, actualP);
    }

    [Fact]
    public void FisherExact_EmptyColumn_IsOneWithNaNOddsRatio()
    {
        // st.fisher_exact([[5, 0], [5, 0]]) == (nan, 1.0)
        var (odds, p) = FisherExactDriftTest.TwoSided(5, 0, 5, 0);

        Assert.True(double.IsNaN(odds));
        Assert.Equal(1.0, p);
    }

    [Fact]
    public void FisherExact_BinarySamples_BuildsCurrentOverReferenceTable()
    {
        // Current: three 1s and seven 0s; reference: eight 1s and two 0s → [[3, 7], [8, 2]].
        double[] current = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
        double[] reference = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0];

        var score = new FisherExactDriftTest().Compute(
            DriftSample.From(reference),
            DriftSample.From(current),
            DriftColumnKind.Categorical
        );

        StatAssert.Close(0.06977851869492736, score.Score);
        StatAssert.Close(0.10714285714285714, score.Statistic);
    }

    [Fact]
    public void FisherExact_ThreeValues_IsNotApplicable()
    {
        var error = Assert.Throws<DriftTestNotApplicableException>(() =>
            new FisherExactDriftTest().Compute(
                DriftSample.From([0.0, 1, 1]),
                DriftSample.From([0.0, 2]),
                DriftColumnKind.Categorical
            )
        );
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("T1", "T2", 0.18636363636363634, 0.673)]
    [InlineData("T1", "T3", 0.04090909090909091, 1.0)]
    [InlineData("C", "D", 1.0000000000000002, 1.0)]
    public void Tvd_FixedVectors_MatchesNumpyPermutations(
        string x,
        string y,
        double distance,
        double p
    )
    {
        var score = DriftVectors.Run("TVD", x, y, DriftColumnKind.Categorical);

        StatAssert.Close(distance, score.Statistic);
        Assert.Equal(p, score.Score);
    }

    [Fact]
    public void Tvd_ClearlyDifferentCategories_MatchesNumpyPermutations()
    {
        // K1 = gen(60, 1, 3, 1.0) (0, 1, 2 evenly), K2 = gen(50, 2, 5, 1.0) (0 … 4 evenly).
        var score = new TotalVariationDriftTest().Compute(
            DriftSample.From(DriftVectors.Gen(60, 1, 3, 1.0)),
            DriftSample.From(DriftVectors.Gen(50, 2, 5, 1.0)),
            DriftColumnKind.Categorical
        );

        StatAssert.Close(0.3999999999999999, score.Statistic);
        Assert.Equal(0.001, score.Score);
    }

    [Fact]
    public void Tvd_IdenticalSamples_PIsOne()
    {
        var sample = DriftSample.From(DriftVectors.Gen(90, 7, 4, 1.0));

        var score = new TotalVariationDriftTest().Compute(
            sample,
            sample,
            DriftColumnKind.Categorical
        );

        Assert.Equal(0, score.Statistic);
        Assert.Equal(1.0, score.Score);
    }

    [Theory]
    [InlineData("A", "B", 0.0712178364506092, 0.15)]
    [InlineData("C", "D", -0.04315242803492281, 0.53)]
    [InlineData("L1", "L2", 0.00883046641467744, 0.02)]
    [InlineData("C", "C", -0.1281596112088912, 1.0)]
    [InlineData("T1", "T2", 0.013912071885717747, 0.14)]
    public void EmpiricalMmd_FixedVectors_MatchesNumpySeed0(
        string x,
        string y,
        double mmd,
        double p
    )
    {
        var score = DriftVectors.Run("empirical_mmd", x, y);

        StatAssert.Close(mmd, score.Statistic);
        Assert.Equal(p, score.Score);
    }

    [Theory]
    // sigma printed by the same script: C → 0.6363961030678931 (median of the 100 squared
    // distances, even count), L1 → 3.0304576336566313, T1 → 1.4142135623730951.
    [InlineData("C", 0.6363961030678931)]
    [InlineData("L1", 3.0304576336566313)]
    [InlineData("T1", 1.4142135623730951)]
    public void EmpiricalMmd_Bandwidth_MatchesNumpyNearestMedian(string x, double sigma)
    {
        var sorted = DriftVectors.Named(x).Order().ToArray();

        StatAssert.Close(sigma, EmpiricalMmdDriftTest.Bandwidth(sorted));
    }

    [Fact]
    public void EmpiricalMmd_TooManyValues_IsNotApplicable()
    {
        var big = DriftSample.From(DriftVectors.Gen(EmpiricalMmdDriftTest.MaxValues, 7, 101, 3.0));

        var error = Assert.Throws<DriftTestNotApplicableException>(() =>
            new EmpiricalMmdDriftTest().Compute(
                big,
                DriftSample.From(DriftVectors.A),
                DriftColumnKind.Numerical
            )
        );
        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", 0.05, DriftComparison.PValueBelow)]
    [InlineData("fisher_exact", 0.1, DriftComparison.PValueBelow)]
    [InlineData("TVD", 0.1, DriftComparison.PValueBelow)]
    [InlineData("empirical_mmd", 0.1, DriftComparison.PValueBelow)]
    public void Registry_NewTests_HaveSpecThresholdsAndRules(
        string name,
        double threshold,
        DriftComparison comparison
    )
    {
        var test = DriftTestRegistry.Get(name);

        Assert.Equal(name, test.Name);
        Assert.Equal(threshold, test.DefaultThreshold);
        Assert.Equal(comparison, test.Comparison);
        Assert.Contains(name, DriftTestRegistry.Names);
    }

    [Fact]
    public void AnalyzeColumn_TestNotApplicable_IsANoteAndLeftOutOfTheShare()
    {
        // A constant column: Epps–Singleton's IQR is 0.
        var reference = MonitoringColumn.Numeric("Sleep_Hours", [.. Enumerable.Repeat(7.0, 30)]);
        var current = MonitoringColumn.Numeric("Sleep_Hours", [.. Enumerable.Repeat(7.0, 20)]);
        var options = new DriftOptions
        {
            PerColumnTest = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Sleep_Hours"] = "es",
            },
            MinimumRows = 1,
        };

        var result = DriftAnalyzer.AnalyzeColumn(reference, current, options);

        Assert.Equal("es", result.Test);
        Assert.True(double.IsNaN(result.Score));
        Assert.False(result.Drifted);
        Assert.Contains("interquartile range", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzeColumn_FisherOnNonBinaryCategories_IsANote()
    {
        var reference = MonitoringColumn.Categorical("Stress_Level", ["Low", "High", "Medium"]);
        var current = MonitoringColumn.Categorical("Stress_Level", ["Low", "High"]);
        var options = new DriftOptions { CategoricalTest = "fisher_exact", MinimumRows = 1 };

        var result = DriftAnalyzer.AnalyzeColumn(reference, current, options);

        Assert.True(double.IsNaN(result.Score));
        Assert.Contains("binary", result.Note, StringComparison.Ordinal);
    }
}
