using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Eda;
using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Tests.Eda;

public class EdaAnalyzerTests
{
    [Fact]
    public void Analyze_PlantedAssociation_IsFoundAndSignificantAfterCorrection()
    {
        var records = EdaTestData.Planted();

        var report = EdaAnalyzer.Analyze(records, EdaTestData.Validation(records.Count));

        var sleep = report.Associations.Single(a => a.Feature == DatasetSchema.SleepHours);
        var stress = report.Associations.Single(a => a.Feature == DatasetSchema.StressLevel);
        Assert.True(sleep.IsSignificant);
        Assert.True(stress.IsSignificant);
        Assert.True(sleep.AdjustedPValue < 1e-10);
        Assert.Equal(-1.0, sleep.EffectSize); // every sleep value with the condition is lower
        Assert.True(stress.EffectSize > 0.5);
        Assert.All(
            report.Associations.Where(a =>
                a.Feature != sleep.Feature && a.Feature != stress.Feature
            ),
            a => Assert.False(a.IsSignificant)
        );
    }

    [Fact]
    public void Analyze_PlantedAssociation_WhatStandsOutDescribesItFromNumbers()
    {
        var records = EdaTestData.Planted();

        var report = EdaAnalyzer.Analyze(records, EdaTestData.Validation(records.Count));

        Assert.DoesNotContain(EdaAnalyzer.NoSignificantAssociation, report.WhatStandsOut);
        Assert.Contains(
            report.WhatStandsOut,
            s => s.StartsWith("100 of 200 records (50.0%)", StringComparison.Ordinal)
        );
        Assert.Contains(
            report.WhatStandsOut,
            s =>
                s.StartsWith(
                    "2 of 9 feature–condition tests are significant",
                    StringComparison.Ordinal
                )
        );
        string sleep = Assert.Single(
            report.WhatStandsOut,
            s => s.StartsWith(DatasetSchema.SleepHours, StringComparison.Ordinal)
        );
        Assert.Contains("lower among people with the condition", sleep, StringComparison.Ordinal);
        Assert.Contains("median 5.3 versus 7.8 without", sleep, StringComparison.Ordinal);
        string stress = Assert.Single(
            report.WhatStandsOut,
            s => s.StartsWith(DatasetSchema.StressLevel, StringComparison.Ordinal)
        );
        Assert.Contains("Cramér's V", stress, StringComparison.Ordinal);

        // Sleep (|r| = 1) is stronger than stress, so it comes first.
        Assert.True(
            report.WhatStandsOut.ToList().IndexOf(sleep)
                < report.WhatStandsOut.ToList().IndexOf(stress)
        );
    }

    [Fact]
    public void Analyze_IndependentData_StatesPlainlyThatNothingIsSignificant()
    {
        var records = EdaTestData.Independent();

        var report = EdaAnalyzer.Analyze(records, EdaTestData.Validation(records.Count));

        Assert.All(report.Associations, a => Assert.False(a.IsSignificant));
        Assert.All(report.Associations, a => Assert.Equal(1.0, a.PValue, 12));
        Assert.Contains(EdaAnalyzer.NoSignificantAssociation, report.WhatStandsOut);
        Assert.Equal(
            "No feature shows a statistically significant association with the condition after correction for multiple testing.",
            EdaAnalyzer.NoSignificantAssociation
        );
    }

    [Fact]
    public void Analyze_AdjustedPValues_AreBenjaminiHochbergOfRawPValues()
    {
        var records = EdaTestData.Planted();

        var report = EdaAnalyzer.Analyze(records, EdaTestData.Validation(records.Count));

        double[] expected = BenjaminiHochberg.Adjust([
            .. report.Associations.Select(a => a.PValue),
        ]);
        Assert.Equal(expected, report.Associations.Select(a => a.AdjustedPValue));
        Assert.Equal(9, report.Associations.Count);
    }

    [Fact]
    public void Analyze_MissingNumericValues_AreExcludedAndCounted()
    {
        var records = EdaTestData.Independent();
        int missingAge = records.Count(r => double.IsNaN(r.Age));

        var report = EdaAnalyzer.Analyze(records, EdaTestData.Validation(records.Count));

        var age = report.NumericFeatures.Single(f => f.Name == DatasetSchema.Age);
        Assert.True(missingAge > 0);
        Assert.Equal(missingAge, age.Overall.Missing);
        Assert.Equal(missingAge, age.Test.Missing1 + age.Test.Missing2);
        Assert.Equal(records.Count - missingAge, age.Test.N1 + age.Test.N2);
        Assert.Equal(
            missingAge,
            report.Associations.Single(a => a.Feature == DatasetSchema.Age).Missing
        );
        Assert.Equal(
            records.Count - missingAge,
            age.Histogram.WithCondition.Sum() + age.Histogram.WithoutCondition.Sum()
        );
    }

    [Fact]
    public void Analyze_NullCategory_IsShownAsMissingLevelLast()
    {
        var records = EdaTestData.Independent();

        var report = EdaAnalyzer.Analyze(records, EdaTestData.Validation(records.Count));

        var consultation = report.CategoricalFeatures.Single(f =>
            f.Name == DatasetSchema.ConsultationHistory
        );
        Assert.Equal(
            ["Yes", "No", EdaAnalyzer.MissingLevel],
            consultation.Levels.Select(l => l.Name)
        );
        Assert.Equal(records.Count, consultation.Levels.Sum(l => l.Count));
        Assert.Equal(3, consultation.Test.Rows);
    }

    [Fact]
    public void Analyze_Severity_IsCrossTabulatedButNeverAFeature()
    {
        var records = EdaTestData.Planted();

        var report = EdaAnalyzer.Analyze(records, EdaTestData.Validation(records.Count));

        Assert.DoesNotContain(report.Associations, a => a.Feature == DatasetSchema.Severity);
        Assert.DoesNotContain(DatasetSchema.Severity, report.Correlations.Variables);
        Assert.Equal(
            ["None", "Medium", "High", EdaAnalyzer.MissingLevel],
            report.SeverityByCondition.Select(l => l.Name)
        );
        Assert.Equal(
            records.Count(r => r.HasCondition),
            report.SeverityByCondition.Sum(l => l.WithCondition)
        );
    }

    [Fact]
    public void Analyze_CorrelationMatrix_IsSymmetricMixedAndEndsWithTarget()
    {
        var records = EdaTestData.Planted();

        var report = EdaAnalyzer.Analyze(records, EdaTestData.Validation(records.Count));

        var m = report.Correlations;
        Assert.Equal(10, m.Variables.Count);
        Assert.Equal(DatasetSchema.MentalHealthCondition, m.Variables[^1]);
        Assert.Equal(VariableKind.Categorical, m.Kinds[^1]);
        for (int i = 0; i < m.Variables.Count; i++)
        {
            Assert.Equal(1.0, m.Values[i][i]);
            for (int j = 0; j < m.Variables.Count; j++)
            {
                Assert.Equal(m.Values[i][j], m.Values[j][i]);
            }
        }

        // Target (categorical) × Sleep_Hours (numeric) uses η = |point-biserial r|.
        int sleep = m.Variables.ToList().IndexOf(DatasetSchema.SleepHours);
        double[] indicator = [.. records.Select(r => r.HasCondition ? 1.0 : 0.0)];
        double[] hours = [.. records.Select(r => r.SleepHours)];
        double r = PearsonCorrelation.Compute(indicator, hours).Coefficient;
        Assert.Equal(Math.Abs(r), m.Values[^1][sleep], 12);

        // Target × Stress_Level (categorical) uses Cramér's V, same as the feature test.
        int stress = m.Variables.ToList().IndexOf(DatasetSchema.StressLevel);
        var stressProfile = report.CategoricalFeatures.Single(f =>
            f.Name == DatasetSchema.StressLevel
        );
        Assert.Equal(stressProfile.CramersV, m.Values[^1][stress], 12);
    }

    [Fact]
    public void Analyze_DataQuality_CopiesValidationCounts()
    {
        var records = EdaTestData.Independent(10);

        var report = EdaAnalyzer.Analyze(
            records,
            EdaTestData.Validation(records.Count, rejected: 4)
        );

        var q = report.DataQuality;
        Assert.Equal(
            (24L, 20L, 4L, 20L),
            (q.RowsRead, q.RowsAccepted, q.RowsRejected, q.RecordsAnalyzed)
        );
        Assert.Equal([new NamedCount("OutOfRange", 4)], q.RejectsByReason);
        Assert.Equal([new NamedCount(DatasetSchema.Occupation, 3)], q.UnknownCategoriesMapped);
    }

    [Fact]
    public void Analyze_Histogram_UsesSharedBinsOverObservedRange()
    {
        var records = EdaTestData.Independent();

        var report = EdaAnalyzer.Analyze(
            records,
            EdaTestData.Validation(records.Count),
            new EdaOptions { HistogramBins = 8 }
        );

        var work = report.NumericFeatures.Single(f => f.Name == DatasetSchema.WorkHours);
        Assert.Equal(9, work.Histogram.BinEdges.Count);
        Assert.Equal(work.Overall.Min, work.Histogram.BinEdges[0]);
        Assert.Equal(work.Overall.Max, work.Histogram.BinEdges[^1]);
        Assert.Equal(work.Histogram.WithCondition, work.Histogram.WithoutCondition);
        Assert.Equal(records.Count, work.Histogram.WithCondition.Sum() * 2);
    }

    [Fact]
    public void Analyze_NoRecords_ReturnsReportWithNaNAndStatements()
    {
        var report = EdaAnalyzer.Analyze([], EdaTestData.Validation(0));

        Assert.Equal(0, report.Target.Total);
        Assert.All(report.Associations, a => Assert.True(double.IsNaN(a.PValue)));
        Assert.Contains("No records were available to analyse.", report.WhatStandsOut);
        // Nothing could be tested, so "nothing is significant" would not be true either.
        Assert.DoesNotContain(EdaAnalyzer.NoSignificantAssociation, report.WhatStandsOut);
    }

    [Fact]
    public void Analyze_OnlyOneTargetGroup_CannotTestAndSaysSo()
    {
        var records = EdaTestData.Independent().Where(r => r.HasCondition).ToList();

        var report = EdaAnalyzer.Analyze(records, EdaTestData.Validation(records.Count));

        Assert.All(report.Associations, a => Assert.False(a.IsSignificant));
        Assert.Contains(
            report.WhatStandsOut,
            s => s.StartsWith("No feature–condition test could be run", StringComparison.Ordinal)
        );
        Assert.DoesNotContain(EdaAnalyzer.NoSignificantAssociation, report.WhatStandsOut);
    }

    [Fact]
    public void Analyze_NumericColumnWithoutAnyValue_HasNoSelfCorrelation()
    {
        var records = EdaTestData.Planted().Select(r => r with { Age = double.NaN }).ToList();

        var report = EdaAnalyzer.Analyze(records, EdaTestData.Validation(records.Count));

        var m = report.Correlations;
        int age = m.Variables.ToList().IndexOf(DatasetSchema.Age);
        Assert.True(double.IsNaN(m.Values[age][age]));
        int sleep = m.Variables.ToList().IndexOf(DatasetSchema.SleepHours);
        Assert.Equal(1.0, m.Values[sleep][sleep]);
    }

    [Fact]
    public void Analyze_InvalidAlpha_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            EdaAnalyzer.Analyze([], EdaTestData.Validation(0), new EdaOptions { Alpha = 1.5 })
        );
    }
}
