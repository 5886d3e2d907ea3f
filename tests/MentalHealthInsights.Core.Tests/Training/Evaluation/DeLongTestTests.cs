using MentalHealthInsights.Core.Tests.Training.Metrics;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Evaluation;

public class DeLongTestTests
{
    private const double Tol = ReferenceData.Tolerance;

    [Fact]
    public void Compare_FortyRows_MatchesNumpyReference()
    {
        // reference_values.py: fast_delong(y, [p, q]) (Sun & Xu with scipy.stats.rankdata midranks),
        // cross-checked against the O(mn) pairwise DeLong (max diff 8e-20):
        // aucA 0.9360613810741689 aucB 0.7838874680306906 se 0.07932981247097673
        // z 1.9182437006157298 p 0.05508011741297224 (2·norm.sf(|z|))
        // ci -0.003309662299952554 0.3076574883869091 (± norm.ppf(0.975)·se)
        var result = DeLongTest.Compare(ReferenceData.Labels, ReferenceData.P, ReferenceData.Q);

        Assert.Equal(0.9360613810741689, result.AucA, Tol);
        Assert.Equal(0.7838874680306906, result.AucB, Tol);
        Assert.Equal(0.9360613810741689 - 0.7838874680306906, result.Difference.Estimate, Tol);
        Assert.Equal(0.07932981247097673, result.StandardError, Tol);
        Assert.Equal(1.9182437006157298, result.Z, 1e-10);
        Assert.Equal(0.05508011741297224, result.PValue, 1e-10);
        Assert.Equal(-0.003309662299952554, result.Difference.Lower, 1e-10);
        Assert.Equal(0.3076574883869091, result.Difference.Upper, 1e-10);
        Assert.Equal(17, result.Positives);
        Assert.Equal(23, result.Negatives);
        Assert.False(result.IsSignificant(0.05));
    }

    [Fact]
    public void Compare_SwappedModels_IsSymmetric()
    {
        var ab = DeLongTest.Compare(ReferenceData.Labels, ReferenceData.P, ReferenceData.Q);
        var ba = DeLongTest.Compare(ReferenceData.Labels, ReferenceData.Q, ReferenceData.P);

        Assert.Equal(ab.AucA, ba.AucB);
        Assert.Equal(ab.AucB, ba.AucA);
        Assert.Equal(-ab.Z, ba.Z, Tol);
        Assert.Equal(ab.PValue, ba.PValue, Tol);
        Assert.Equal(ab.StandardError, ba.StandardError, Tol);
        Assert.Equal(-ab.Difference.Upper, ba.Difference.Lower, Tol);
    }

    [Fact]
    public void Compare_AucAgreesWithRocAuc()
    {
        var result = DeLongTest.Compare(
            ReferenceData.SixLabels,
            ReferenceData.SixScores,
            ReferenceData.SixScores
        );

        Assert.Equal(
            BinaryMetrics.RocAuc(ReferenceData.SixLabels, ReferenceData.SixScores),
            result.AucA,
            Tol
        );
    }

    [Fact]
    public void Compare_IdenticalScores_PValueIsOne()
    {
        var result = DeLongTest.Compare(ReferenceData.Labels, ReferenceData.Q, ReferenceData.Q);

        Assert.Equal(0.0, result.Difference.Estimate);
        Assert.Equal(0.0, result.Z);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Compare_AgainstConstantBaseline_EqualsOneSample()
    {
        // The majority baseline scores every row the same: AUC exactly 0.5, no variance.
        var constant = Enumerable.Repeat(0.425, ReferenceData.Labels.Length).ToArray();

        var paired = DeLongTest.Compare(ReferenceData.Labels, ReferenceData.Q, constant);
        var one = DeLongTest.OneSample(ReferenceData.Labels, ReferenceData.Q);

        Assert.Equal(0.5, paired.AucB);
        Assert.Equal(one.Z, paired.Z, Tol);
        Assert.Equal(one.PValue, paired.PValue, Tol);
        Assert.Equal(one.StandardError, paired.StandardError, Tol);
    }

    [Fact]
    public void OneSample_FortyRows_MatchesNumpyReference()
    {
        // reference_values.py "one p" / "one q": auc, se = sqrt(S), z = (auc − 0.5)/se,
        // p = 2·norm.sf(|z|), ci = auc ± norm.ppf(0.975)·se clipped to [0, 1]
        var p = DeLongTest.OneSample(ReferenceData.Labels, ReferenceData.P);
        var q = DeLongTest.OneSample(ReferenceData.Labels, ReferenceData.Q);

        Assert.Equal(0.9360613810741689, p.Auc.Estimate, Tol);
        Assert.Equal(0.03254909050181696, p.StandardError, Tol);
        Assert.Equal(13.397037347320873, p.Z, 1e-9);
        Assert.Equal(6.292528336750515e-41, p.PValue, 1e-50);
        Assert.Equal(0.872266335961073, p.Auc.Lower, 1e-10);
        Assert.Equal(0.9998564261872649, p.Auc.Upper, 1e-10);

        Assert.Equal(0.7838874680306906, q.Auc.Estimate, Tol);
        Assert.Equal(0.07178257191929283, q.StandardError, Tol);
        Assert.Equal(3.9548244154566286, q.Z, 1e-10);
        Assert.Equal(7.65908800198131e-05, q.PValue, 1e-12);
        Assert.Equal(0.6431962123512205, q.Auc.Lower, 1e-10);
        Assert.Equal(0.9245787237101608, q.Auc.Upper, 1e-10);
        Assert.True(q.IsSignificant());
    }

    [Fact]
    public void OneSample_SixRowsWithTies_MatchesNumpyReference_AndClipsAtOne()
    {
        // reference_values.py "one six": auc 0.888888888888889 se 0.12422599874998828
        // z 3.130495168499707 p 0.0017451186995288976; upper bound 1.13 clipped to 1.
        var result = DeLongTest.OneSample(ReferenceData.SixLabels, ReferenceData.SixScores);

        Assert.Equal(0.888888888888889, result.Auc.Estimate, Tol);
        Assert.Equal(0.12422599874998828, result.StandardError, Tol);
        Assert.Equal(3.130495168499707, result.Z, 1e-10);
        Assert.Equal(0.0017451186995288976, result.PValue, 1e-12);
        Assert.Equal(0.6454104053953942, result.Auc.Lower, 1e-10);
        Assert.Equal(1.0, result.Auc.Upper);
    }

    [Fact]
    public void OneSample_FewerThanTwoOfAClass_IsNaN()
    {
        var result = DeLongTest.OneSample([true, false, false], [0.9, 0.1, 0.2]);

        Assert.True(double.IsNaN(result.PValue));
        Assert.True(double.IsNaN(result.Auc.Estimate));
        Assert.False(result.IsSignificant());
    }

    [Fact]
    public void Compare_NonFiniteScore_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            DeLongTest.Compare([true, false], [0.1, 0.2], [double.PositiveInfinity, 0.2])
        );
    }
}
