using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Tests.Statistics;

namespace MentalHealthInsights.Core.Tests.Monitoring.Drift;

// Reference values: SciPy 1.10.1 / numpy 1.24.2 in /usr/bin/python3 on the vectors of DriftVectors:
//   ks: st.ks_2samp(x, y) · wasserstein: st.wasserstein_distance(x, y) / max(np.std(x), 0.001)
//   ed: st.energy_distance(x, y) · anderson: st.anderson_ksamp([x, y]) (statistic, significance_level)
//   cramer_von_mises: st.cramervonmises_2samp(x, y) · t_test: st.ttest_ind(x, y)
//   mannw: st.mannwhitneyu(x, y, alternative="less") (statistic = U of x)
// Binned tests follow the spec formulas with numpy (histogram_bin_edges(concat, "sturges"),
// np.histogram, shares / len, Evidently's zero replacement) and scipy (spatial.distance.jensenshannon,
// stats.entropy, stats.chi2.sf, stats.norm.cdf, stats.power_divergence(lambda_="log-likelihood")).
public class DriftTestReferenceValueTests
{
    [Theory]
    [InlineData("A", "B", 0.4666666666666667, 0.07834531571239069)]
    [InlineData("C", "D", 0.3, 0.7869297884777761)]
    [InlineData("L1", "L2", 0.09555555555555556, 0.07139528586793376)]
    [InlineData("T1", "T2", 0.15681818181818183, 0.559203697926765)]
    [InlineData("T1", "T3", 0.015909090909090907, 1.0)]
    public void Ks_FixedVectors_MatchesScipyExact(string x, string y, double d, double p)
    {
        var score = DriftVectors.Run("ks", x, y);

        StatAssert.Close(d, score.Statistic);
        StatAssert.Close(p, score.Score);
    }

    [Theory]
    // E1 = gen(1000, 37, 1009, 11.0), E2 = gen(800, 53, 1013, 11.0, 5.0): unequal sizes, inside method.
    [InlineData(1000, 37, 1009, 11.0, 0.0, 800, 53, 1013, 11.0, 5.0, 0.06325, 0.054766692457053026)]
    // E3 = gen(500, 29, 499, 5.0), E4 = gen(500, 31, 503, 5.0, 6.0): equal sizes, outside-square method.
    [InlineData(500, 29, 499, 5.0, 0.0, 500, 31, 503, 5.0, 6.0, 0.066, 0.22634729051389657)]
    public void Ks_LargeExactSamples_MatchesScipy(
        int n1,
        int mul1,
        int mod1,
        double div1,
        double off1,
        int n2,
        int mul2,
        int mod2,
        double div2,
        double off2,
        double d,
        double p
    )
    {
        var score = new KolmogorovSmirnovDriftTest().Compute(
            DriftSample.From(DriftVectors.Gen(n1, mul1, mod1, div1, off1)),
            DriftSample.From(DriftVectors.Gen(n2, mul2, mod2, div2, off2)),
            DriftColumnKind.Numerical
        );

        StatAssert.Close(d, score.Statistic);
        StatAssert.Close(p, score.Score);
    }

    [Fact]
    public void Ks_AboveExactLimit_UsesAsymptoticCloseToScipy()
    {
        // st.ks_2samp(gen(20000, 37, 10007, 100.0), gen(15000, 53, 10009, 100.0, 1.0)):
        // D = 0.010566666666666724, p = 0.2919944801772817 (SciPy's finite-n kstwo; we use the limit).
        var score = new KolmogorovSmirnovDriftTest().Compute(
            DriftSample.From(DriftVectors.Gen(20000, 37, 10007, 100.0)),
            DriftSample.From(DriftVectors.Gen(15000, 53, 10009, 100.0, 1.0)),
            DriftColumnKind.Numerical
        );

        StatAssert.Close(0.010566666666666724, score.Statistic);
        Assert.InRange(score.Score, 0.2919944801772817 - 3e-3, 0.2919944801772817 + 3e-3);
        // scipy.special.kolmogorov(D * sqrt(8571)) = 0.29403785165603835.
        StatAssert.Close(0.29403785165603835, score.Score, 1e-7);
    }

    [Theory]
    // scipy.special.kolmogorov(lambda)
    [InlineData(0.3, 0.9999906941986655)]
    [InlineData(0.6, 0.8642827790506042)]
    [InlineData(0.9, 0.3927307079406543)]
    [InlineData(1.0, 0.26999967167735456)]
    [InlineData(1.5, 0.022217962616525127)]
    [InlineData(2.5, 7.453306344157342e-06)]
    public void AsymptoticSurvival_KnownLambdas_MatchesScipyKolmogorov(
        double lambda,
        double expected
    )
    {
        StatAssert.Close(expected, KolmogorovSmirnovDistribution.AsymptoticSurvival(lambda));
    }

    [Theory]
    [InlineData("A", "B", 1.0889003706127327, 1.2700000000000002)]
    [InlineData("C", "D", 0.7983507698251572, 0.7300000000000001)]
    [InlineData("L1", "L2", 0.2698262921156782, 1.1241269841269843)]
    [InlineData("T1", "T2", 0.49203756579385327, 0.9931818181818182)]
    public void Wasserstein_FixedVectors_MatchesScipy(string x, string y, double normed, double w)
    {
        var score = DriftVectors.Run("wasserstein", x, y);

        StatAssert.Close(normed, score.Score);
        StatAssert.Close(w, score.Statistic);
    }

    [Theory]
    [InlineData("A", "B", 0.8540101482613268)]
    [InlineData("C", "D", 0.565685424949238)]
    [InlineData("L1", "L2", 0.4136010397784563)]
    [InlineData("T1", "T2", 0.5319055872229661)]
    public void EnergyDistance_FixedVectors_MatchesScipy(string x, string y, double expected)
    {
        StatAssert.Close(expected, DriftVectors.Run("ed", x, y).Score);
    }

    [Theory]
    [InlineData("A", "B", 2.89569129807555, 0.021392997400609258)]
    [InlineData("C", "D", 0.22112078589855544, 0.25)]
    [InlineData("L1", "L2", 9.760499483100073, 0.001)]
    [InlineData("T1", "T2", 3.927224555044453, 0.00859451129355815)]
    public void Anderson_FixedVectors_MatchesScipy(string x, string y, double statistic, double p)
    {
        var score = DriftVectors.Run("anderson", x, y);

        StatAssert.Close(statistic, score.Statistic);
        StatAssert.Close(p, score.Score);
    }

    [Theory]
    [InlineData("A", "B", 0.5592592592592593, 0.028376609107528476)]
    [InlineData("C", "D", 0.19499999999999984, 0.3098573253372015)]
    [InlineData("G1", "G2", 0.4303030303030304, 0.06926406926406926)]
    [InlineData("L1", "L2", 1.077749629629622, 0.00161526593011041)]
    [InlineData("T1", "T2", 0.4465071770334923, 0.054655452242041824)]
    public void CramerVonMises_FixedVectors_MatchesScipy(
        string x,
        string y,
        double statistic,
        double p
    )
    {
        var score = DriftVectors.Run("cramer_von_mises", x, y);

        StatAssert.Close(statistic, score.Statistic);
        StatAssert.Close(p, score.Score);
    }

    [Theory]
    [InlineData("A", "B", -2.7457242110943976, 0.011023405414780911)]
    [InlineData("C", "D", -1.5927378032599582, 0.12862753698854887)]
    [InlineData("L1", "L2", -3.570104251171844, 0.0003796379714775263)]
    [InlineData("T1", "T2", -2.346121037475068, 0.02109392077784789)]
    public void StudentT_FixedVectors_MatchesScipy(string x, string y, double t, double p)
    {
        var score = DriftVectors.Run("t_test", x, y);

        StatAssert.Close(t, score.Statistic);
        StatAssert.Close(p, score.Score);
    }

    [Theory]
    [InlineData("A", "B", 42.0, 0.01023111138235874)]
    [InlineData("C", "D", 32.0, 0.09293836618293788)]
    [InlineData("G1", "G2", 5.0, 0.04112554112554113)]
    [InlineData("L1", "L2", 57249.0, 0.0002104777586577393)]
    [InlineData("T1", "T2", 812.0, 0.01437430857352778)]
    public void MannWhitney_FixedVectors_MatchesScipyLess(string x, string y, double u, double p)
    {
        var score = DriftVectors.Run("mannw", x, y);

        StatAssert.Close(u, score.Statistic);
        StatAssert.Close(p, score.Score);
    }

    [Theory]
    [InlineData(
        "L1",
        "L2",
        DriftColumnKind.Numerical,
        0.21043672511071768,
        0.09165015163627721,
        0.15578485685553062,
        0.14581455251161182
    )]
    [InlineData(
        "L1",
        "L2",
        DriftColumnKind.Categorical,
        9.085205587778624,
        4.503407731251912,
        0.8325546111576979,
        1.0
    )]
    [InlineData(
        "T1",
        "T2",
        DriftColumnKind.Numerical,
        2.1651423030845165,
        1.0967503677158614,
        0.3220088014464204,
        0.14908160049069086
    )]
    [InlineData(
        "T1",
        "T2",
        DriftColumnKind.Categorical,
        2.1651423030845165,
        1.0967503677158614,
        0.3220088014464204,
        0.38603216387699324
    )]
    [InlineData(
        "T1",
        "T3",
        DriftColumnKind.Categorical,
        0.010493413519400932,
        0.005220978361943426,
        0.03619956952001647,
        0.03620831910423991
    )]
    public void BinnedTests_FixedVectors_MatchSpecFormulas(
        string x,
        string y,
        DriftColumnKind kind,
        double psi,
        double kl,
        double js,
        double hellinger
    )
    {
        StatAssert.Close(psi, DriftVectors.Run("psi", x, y, kind).Score);
        StatAssert.Close(kl, DriftVectors.Run("kl_div", x, y, kind).Score);
        StatAssert.Close(js, DriftVectors.Run("jensenshannon", x, y, kind).Score);
        StatAssert.Close(hellinger, DriftVectors.Run("hellinger", x, y, kind).Score);
    }

    [Fact]
    public void ChiSquareZAndG_T1VersusT3_MatchScipy()
    {
        var chi = DriftVectors.Run("chisquare", "T1", "T3", DriftColumnKind.Categorical);
        var z = DriftVectors.Run("z", "T1", "T3", DriftColumnKind.Categorical);
        var g = DriftVectors.Run("g_test", "T1", "T3", DriftColumnKind.Categorical);

        StatAssert.Close(0.5878787878787879, chi.Statistic);
        StatAssert.Close(0.9965990910739582, chi.Score);
        StatAssert.Close(-0.061708350120442346, z.Statistic);
        StatAssert.Close(0.9507950902101112, z.Score);
        // Expected counts scaled to the current size (Evidently's unscaled version raises in SciPy ≥ 1.9
        // when the sizes differ): st.power_divergence(o, e * 55 / 40, lambda_="log-likelihood").
        StatAssert.Close(0.5799678673203257, g.Statistic);
        StatAssert.Close(0.9967249906881596, g.Score);
    }

    [Fact]
    public void Binary_ZAndChiSquare_AgreeWithScipy()
    {
        // Z1 = 30 zeros + 70 ones, Z2 = 45 zeros + 55 ones.
        var r = DriftSample.From([.. Enumerable.Repeat(0.0, 30), .. Enumerable.Repeat(1.0, 70)]);
        var c = DriftSample.From([.. Enumerable.Repeat(0.0, 45), .. Enumerable.Repeat(1.0, 55)]);

        var z = new TwoProportionZDriftTest().Compute(r, c, DriftColumnKind.Categorical);
        var js = new JensenShannonDriftTest().Compute(r, c, DriftColumnKind.Categorical);
        var chi = new ChiSquareDriftTest().Compute(r, c, DriftColumnKind.Categorical);

        StatAssert.Close(2.1908902300206634, z.Statistic);
        StatAssert.Close(0.02845973691631065, z.Score);
        StatAssert.Close(0.1098256813033321, js.Score);
        StatAssert.Close(10.714285714285715, chi.Statistic);
        StatAssert.Close(0.001063114917158603, chi.Score);
    }

    [Fact]
    public void NewCategory_ChiSquareInfiniteOthersFinite_MatchesSpec()
    {
        // N1 = [0,1,1,2,2,2,0,1], N2 = [0,1,3,2,2,3,1,1,0]: category 3 exists only in current.
        var r = DriftSample.From([0.0, 1, 1, 2, 2, 2, 0, 1]);
        var c = DriftSample.From([0.0, 1, 3, 2, 2, 3, 1, 1, 0]);
        const DriftColumnKind cat = DriftColumnKind.Categorical;

        var chi = new ChiSquareDriftTest().Compute(r, c, cat);

        Assert.True(double.IsPositiveInfinity(chi.Statistic));
        Assert.Equal(0.0, chi.Score);
        StatAssert.Close(1.79985232318707, new PsiDriftTest().Compute(r, c, cat).Score);
        StatAssert.Close(0.296510227553453, new JensenShannonDriftTest().Compute(r, c, cat).Score);
        StatAssert.Close(
            0.26893492640695116,
            new KullbackLeiblerDriftTest().Compute(r, c, cat).Score
        );
        StatAssert.Close(
            0.8927953678846205,
            new TwoProportionZDriftTest().Compute(r, c, cat).Score
        );
    }

    [Fact]
    public void SturgesEdges_PowerOfTwoTotal_MatchesNumpyBinCount()
    {
        // len(np.histogram_bin_edges(np.concatenate([P1, P2]), bins="sturges")) == 12 with
        // P1 = gen(512, 13, 97, 3.0), P2 = gen(512, 17, 89, 3.0, 0.5); psi = 0.0700744023913819,
        // js = 0.09193770257674978.
        var p1 = DriftSample.From(DriftVectors.Gen(512, 13, 97, 3.0));
        var p2 = DriftSample.From(DriftVectors.Gen(512, 17, 89, 3.0, 0.5));

        Assert.Equal(
            12,
            DriftBinning.SturgesEdges(p1.Values, p2.Values, distinctOnly: false).Length
        );
        StatAssert.Close(
            0.0700744023913819,
            new PsiDriftTest().Compute(p1, p2, DriftColumnKind.Numerical).Score
        );
        StatAssert.Close(
            0.09193770257674978,
            new JensenShannonDriftTest().Compute(p1, p2, DriftColumnKind.Numerical).Score
        );
    }

    [Fact]
    public void SturgesEdges_L1L2_MatchesNumpy()
    {
        double[] expected =
        [
            0.0,
            1.4064935064935065,
            2.812987012987013,
            4.21948051948052,
            5.625974025974026,
            7.032467532467532,
            8.43896103896104,
            9.845454545454546,
            11.251948051948052,
            12.658441558441558,
            14.064935064935064,
            15.471428571428572,
        ];

        var edges = DriftBinning.SturgesEdges(
            DriftSample.From(DriftVectors.L1).Values,
            DriftSample.From(DriftVectors.L2).Values,
            false
        );

        Assert.Equal(expected.Length, edges.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            StatAssert.Close(expected[i], edges[i]);
        }
    }
}
