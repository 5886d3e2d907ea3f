using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;

namespace MentalHealthInsights.Core.Tests.Monitoring.Drift;

public class DefaultDriftTestChooserTests
{
    [Theory]
    [InlineData(DriftColumnKind.Numerical, 1000, 6, "ks")]
    [InlineData(DriftColumnKind.Numerical, 1000, 5, "chisquare")]
    [InlineData(DriftColumnKind.Numerical, 1000, 3, "chisquare")]
    [InlineData(DriftColumnKind.Numerical, 1000, 2, "z")]
    [InlineData(DriftColumnKind.Categorical, 1000, 3, "chisquare")]
    [InlineData(DriftColumnKind.Categorical, 1000, 2, "z")]
    [InlineData(DriftColumnKind.Numerical, 1001, 6, "wasserstein")]
    [InlineData(DriftColumnKind.Numerical, 1001, 5, "jensenshannon")]
    [InlineData(DriftColumnKind.Categorical, 1001, 2, "jensenshannon")]
    [InlineData(DriftColumnKind.Categorical, 1001, 21, "jensenshannon")]
    public void Choose_Boundaries_FollowsEvidently(
        DriftColumnKind kind,
        int nRef,
        int distinct,
        string expected
    )
    {
        Assert.Equal(expected, DefaultDriftTestChooser.Choose(kind, nRef, distinct));
    }

    [Theory]
    [InlineData(1000, "ks")]
    [InlineData(1001, "wasserstein")]
    public void AnalyzeColumn_ReferenceSizeAfterCleaning_DecidesTest(int cleanRows, string expected)
    {
        // 1001 rows of which one NaN: n_ref counts cleaned values only.
        var reference = Enumerable
            .Range(0, cleanRows)
            .Select(i => (double)(i % 50))
            .Append(double.NaN)
            .ToArray();
        var current = Enumerable.Range(0, 300).Select(i => (double)(i % 40)).ToArray();

        var result = DriftAnalyzer.AnalyzeColumn(
            MonitoringColumn.Numeric("x", reference),
            MonitoringColumn.Numeric("x", current),
            new DriftOptions()
        );

        Assert.Equal(expected, result.Test);
        Assert.Equal(cleanRows, result.ReferenceCount);
        Assert.Equal(1, result.ReferenceMissing);
    }

    [Fact]
    public void AnalyzeColumn_DistinctCountsBothSamples_UsesUnion()
    {
        // ref {1,2,3}, cur {4,5,6}: u = 6 > 5 → ks, not chisquare.
        var result = DriftAnalyzer.AnalyzeColumn(
            MonitoringColumn.Numeric("x", [1, 2, 3, 1, 2, 3]),
            MonitoringColumn.Numeric("x", [4, 5, 6, 4, 5, 6]),
            new DriftOptions()
        );

        Assert.Equal("ks", result.Test);
        Assert.Equal(6, result.DistinctValues);
    }

    [Fact]
    public void AnalyzeColumn_KsPValueEqualToThreshold_DriftsWithLessOrEqual()
    {
        var reference = MonitoringColumn.Numeric("x", DriftVectors.A);
        var current = MonitoringColumn.Numeric("x", DriftVectors.B);
        // ks p for A vs B is 0.07834531571239069 (SciPy): with the threshold set to exactly p, ≤ drifts.
        var options = new DriftOptions
        {
            PerColumnThreshold = new Dictionary<string, double> { ["x"] = 0.07834531571239069 },
            MinimumRows = 1,
        };

        var atThreshold = DriftAnalyzer.AnalyzeColumn(reference, current, options);
        var belowThreshold = DriftAnalyzer.AnalyzeColumn(
            reference,
            current,
            options with
            {
                PerColumnThreshold = new Dictionary<string, double> { ["x"] = 0.0783 },
            }
        );

        Assert.True(atThreshold.Drifted);
        Assert.False(belowThreshold.Drifted);
    }

    [Fact]
    public void AnalyzeColumn_Precedence_PerColumnBeatsKindBeatsAll()
    {
        var reference = MonitoringColumn.Numeric("x", DriftVectors.A);
        var current = MonitoringColumn.Numeric("x", DriftVectors.B);
        var options = new DriftOptions
        {
            AllTest = "psi",
            NumericalTest = "ed",
            PerColumnTest = new Dictionary<string, string> { ["x"] = "anderson" },
        };

        Assert.Equal("anderson", DriftAnalyzer.AnalyzeColumn(reference, current, options).Test);
        Assert.Equal(
            "ed",
            DriftAnalyzer
                .AnalyzeColumn(
                    reference,
                    current,
                    options with
                    {
                        PerColumnTest = new Dictionary<string, string>(),
                    }
                )
                .Test
        );
        Assert.Equal(
            "psi",
            DriftAnalyzer
                .AnalyzeColumn(
                    reference,
                    current,
                    options with
                    {
                        PerColumnTest = new Dictionary<string, string>(),
                        NumericalTest = null,
                    }
                )
                .Test
        );
    }

    [Fact]
    public void AnalyzeColumn_EmptyCurrentAfterCleaning_ReportsNoteAndNoDrift()
    {
        var result = DriftAnalyzer.AnalyzeColumn(
            MonitoringColumn.Numeric("x", [1, 2, 3]),
            MonitoringColumn.Numeric("x", [double.NaN, double.PositiveInfinity]),
            new DriftOptions()
        );

        Assert.False(result.Drifted);
        Assert.True(double.IsNaN(result.Score));
        Assert.Equal("current empty after cleaning", result.Note);
        Assert.Equal(2, result.CurrentMissing);
    }

    [Fact]
    public void AnalyzeColumn_ConstantEqualColumns_NoDrift()
    {
        var result = DriftAnalyzer.AnalyzeColumn(
            MonitoringColumn.Categorical("c", ["a", "a", "a"]),
            MonitoringColumn.Categorical("c", ["a", "a"]),
            new DriftOptions { MinimumRows = 1 }
        );

        Assert.Equal("z", result.Test);
        Assert.Equal(1.0, result.Score);
        Assert.False(result.Drifted);
    }

    [Fact]
    public void AnalyzeColumn_NewCategorySmallReference_ChiSquareDriftsAndNamesCategory()
    {
        var result = DriftAnalyzer.AnalyzeColumn(
            MonitoringColumn.Categorical("c", ["a", "b", "c", "a", "b", "c", null]),
            MonitoringColumn.Categorical("c", ["a", "b", "c", "d", "a", "b"]),
            new DriftOptions { MinimumRows = 1 }
        );

        Assert.Equal("chisquare", result.Test);
        Assert.True(result.Drifted);
        Assert.Equal(0.0, result.Score);
        Assert.Equal(["d"], result.NewCategories);
        Assert.Equal(1, result.ReferenceMissing);
    }

    [Theory]
    // ≤ 20 distinct reference values: one bin per value. 21: numpy Sturges on both samples,
    // len(np.histogram_bin_edges(np.concatenate([np.arange(21.0)] * 2), bins="sturges")) - 1 == 7.
    [InlineData(20, 20)]
    [InlineData(21, 7)]
    public void Binning_DistinctReferenceValues_SwitchesAbove20(int distinct, int expectedBins)
    {
        var values = Enumerable.Range(0, distinct).Select(i => (double)i).ToArray();

        var (r, _) = DriftBinning.Shares(
            DriftSample.From(values),
            DriftSample.From(values),
            DriftColumnKind.Numerical,
            replaceZeroes: false
        );

        Assert.Equal(expectedBins, r.Length);
    }
}
