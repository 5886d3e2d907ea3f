using MentalHealthInsights.Core.Features;
using static MentalHealthInsights.Core.Tests.Features.FeatureTestData;

namespace MentalHealthInsights.Core.Tests.Features;

public class PreprocessorTests
{
    private static readonly string[] NumericColumns =
    [
        "Age",
        "Sleep_Hours",
        "Work_Hours",
        "Physical_Activity_Hours",
    ];

    [Fact]
    public void Fit_EightRows_MatchesSklearnMedianMeanAndPopulationStd()
    {
        var fitted = Preprocessor.Fit(EightRows(), FeatureSpec.Default);

        for (var c = 0; c < NumericColumns.Length; c++)
        {
            var stats = fitted.GetNumericStats(NumericColumns[c]);
            // Tolerance: 1e-12 relative; the sums are exact for these values, so this is generous.
            Assert.Equal(Reference.Median[c], stats.Median, 1e-12 * Math.Abs(Reference.Median[c]));
            Assert.Equal(Reference.Mean[c], stats.Mean, 1e-12 * Math.Abs(Reference.Mean[c]));
            Assert.Equal(Reference.Std[c], stats.StandardDeviation, 1e-12 * Reference.Std[c]);
            Assert.Equal(stats.StandardDeviation, stats.Scale);
        }

        Assert.Equal(2, fitted.GetNumericStats("Age").MissingInTraining);
        Assert.Equal(1, fitted.GetNumericStats("Sleep_Hours").MissingInTraining);
        Assert.Equal(8, fitted.TrainingRowCount);
        Assert.Empty(fitted.Notes);
    }

    [Fact]
    public void Fit_EvenAndOddCounts_MedianAsNumpy()
    {
        // numpy.median([5, 1, 3]) == 3.0; numpy.median([4, 1, 3, 10]) == 3.5
        var odd = Preprocessor.Fit(
            [Record(age: 5), Record(age: 1), Record(age: 3)],
            new FeatureSpec { Features = ["Age"] }
        );
        var even = Preprocessor.Fit(
            [Record(age: 4), Record(age: 1), Record(age: 3), Record(age: 10)],
            new FeatureSpec { Features = ["Age"] }
        );

        Assert.Equal(3.0, odd.GetNumericStats("Age").Median);
        Assert.Equal(3.5, even.GetNumericStats("Age").Median);
    }

    [Fact]
    public void Fit_ConstantColumn_ScaleIsOneAndOutputZero()
    {
        // 0.1 three times: the computed mean is not exactly 0.1, so the variance is rounding
        // noise; scikit-learn's _is_constant_feature bound treats it as constant (scale_ = 1).
        var rows = new[] { Record(sleep: 0.1), Record(sleep: 0.1), Record(sleep: 0.1) };

        var fitted = Preprocessor.Fit(rows, new FeatureSpec { Features = ["Sleep_Hours"] });

        Assert.Equal(1.0, fitted.GetNumericStats("Sleep_Hours").Scale);
        Assert.Equal(0f, Math.Abs(fitted.Transform(rows[0])[0]), 1e-6f);
        Assert.Contains(
            fitted.Notes,
            n => n.StartsWith("Sleep_Hours: constant", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Fit_AllMissingNumeric_ImputesZeroAndNotesIt()
    {
        var rows = new[] { Record(work: double.NaN), Record(work: double.NaN) };

        var fitted = Preprocessor.Fit(rows, new FeatureSpec { Features = ["Work_Hours"] });

        var stats = fitted.GetNumericStats("Work_Hours");
        Assert.Equal(0, stats.Median);
        Assert.Equal(0, stats.Mean);
        Assert.Equal(1, stats.Scale);
        Assert.Equal(2, stats.MissingInTraining);
        Assert.Equal([0f], fitted.Transform(Record(work: double.NaN)));
        Assert.Contains(
            fitted.Notes,
            n => n.StartsWith("Work_Hours: no value", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Fit_Categorical_LevelsAreSortedOrdinalDistinctNonMissing()
    {
        var fitted = Preprocessor.Fit(EightRows(), FeatureSpec.Default);

        Assert.Equal(
            ["Female", "Male", "Non-binary", "Prefer not to say"],
            fitted.GetCategoryLevels("Gender")
        );
        Assert.Equal(["No", "Yes"], fitted.GetCategoryLevels("Consultation_History"));
        Assert.Equal(["High", "Low", "Medium"], fitted.GetCategoryLevels("Stress_Level"));
        Assert.Equal(
            ["Australia", "Canada", "Germany", "India", "UK", "USA"],
            fitted.GetCategoryLevels("Country")
        );
    }

    [Fact]
    public void Fit_DefaultSpec_OutputNamesAndSourcesInStableOrder()
    {
        var fitted = Preprocessor.Fit(EightRows(), FeatureSpec.Default);

        string[] expected =
        [
            "Age",
            "Gender=Female",
            "Gender=Male",
            "Gender=Non-binary",
            "Gender=Prefer not to say",
            "Gender=<unknown>",
            "Occupation=Education",
            "Occupation=Finance",
            "Occupation=Healthcare",
            "Occupation=IT",
            "Occupation=Other",
            "Occupation=Sales",
            "Occupation=<unknown>",
            "Country=Australia",
            "Country=Canada",
            "Country=Germany",
            "Country=India",
            "Country=UK",
            "Country=USA",
            "Country=<unknown>",
            "Consultation_History=No",
            "Consultation_History=Yes",
            "Consultation_History=<unknown>",
            "Stress_Level=High",
            "Stress_Level=Low",
            "Stress_Level=Medium",
            "Stress_Level=<unknown>",
            "Sleep_Hours",
            "Work_Hours",
            "Physical_Activity_Hours",
        ];
        Assert.Equal(expected, fitted.OutputNames);
        Assert.Equal(expected.Length, fitted.OutputWidth);
        Assert.Equal(expected.Select(n => n.Split('=')[0]), fitted.SourceColumnOfOutput);
        Assert.Equal(new Range(13, 20), fitted.GetOutputRange("Country"));
    }

    [Fact]
    public void Fit_RowOrderShuffled_SameState()
    {
        var rows = Random(300, seed: 7);
        var shuffled = rows.AsEnumerable().Reverse().ToList();

        var a = Preprocessor.Fit(rows, FeatureSpec.Default);
        var b = Preprocessor.Fit(shuffled, FeatureSpec.Default);

        Assert.Equal(a.OutputNames, b.OutputNames);
        foreach (var column in NumericColumns)
        {
            Assert.Equal(a.GetNumericStats(column).Median, b.GetNumericStats(column).Median);
            Assert.Equal(a.GetNumericStats(column).Mean, b.GetNumericStats(column).Mean, 1e-12);
        }
    }

    [Fact]
    public void Fit_IndexSpan_EqualsFitOnMaterialisedSubset()
    {
        var all = Random(400, seed: 11);
        int[] rows = [.. Enumerable.Range(0, 400).Where(i => i % 3 != 0), 5, 5, 8];
        var subset = rows.Select(i => all[i]).ToList();

        var onSpan = Preprocessor.Fit(all, rows, FeatureSpec.Default);
        var onSubset = Preprocessor.Fit(subset, FeatureSpec.Default);

        Assert.Equal(onSubset.ToJson(), onSpan.ToJson());
        Assert.Equal(rows.Length, onSpan.TrainingRowCount);
        Assert.Equal(
            onSubset.TransformBatch(all).Select(BitConverter.SingleToInt32Bits),
            onSpan.TransformBatch(all).Select(BitConverter.SingleToInt32Bits)
        );
    }

    [Fact]
    public void Fit_IndexOutOfRange_Throws()
    {
        var all = EightRows();

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Preprocessor.Fit(all, [0, 8], FeatureSpec.Default)
        );
    }

    [Fact]
    public void Fit_NoRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => Preprocessor.Fit([], FeatureSpec.Default));
        Assert.Throws<ArgumentException>(() =>
            Preprocessor.Fit(EightRows(), [], FeatureSpec.Default)
        );
    }

    [Fact]
    public void Fit_InvalidSpec_Throws()
    {
        var spec = new FeatureSpec { Features = ["Age", "Severity"] };

        Assert.Throws<ArgumentException>(() => Preprocessor.Fit(EightRows(), spec));
    }

    [Fact]
    public void Fit_CallerMutatesFeatureList_FittedSpecUnchanged()
    {
        var features = new List<string> { "Age", "Gender" };

        var fitted = Preprocessor.Fit(EightRows(), new FeatureSpec { Features = features });
        features.Add("Country");

        Assert.Equal(["Age", "Gender"], fitted.Spec.Features);
    }
}
