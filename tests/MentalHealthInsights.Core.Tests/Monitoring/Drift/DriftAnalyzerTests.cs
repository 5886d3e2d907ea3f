using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;

namespace MentalHealthInsights.Core.Tests.Monitoring.Drift;

public class DriftAnalyzerTests
{
    private static MonitoringDataset Dataset(int rows, double shift, bool shiftCategories, int seed)
    {
        var random = new Random(seed);
        var numeric = new double[4][];
        for (int k = 0; k < 4; k++)
        {
            numeric[k] = new double[rows];
        }
        var categories = new string?[5][];
        for (int k = 0; k < 5; k++)
        {
            categories[k] = new string?[rows];
        }
        var probabilities = new double[rows];
        var labels = new bool[rows];
        var outcomes = new bool?[rows];
        string[] levels = ["A", "B", "C", "D"];
        for (int i = 0; i < rows; i++)
        {
            for (int k = 0; k < 4; k++)
            {
                numeric[k][i] = Math.Round(random.NextDouble() * 40 + shift * (k + 1), 1);
            }
            for (int k = 0; k < 5; k++)
            {
                int level = random.Next(shiftCategories && k < 3 ? 2 : 4);
                categories[k][i] = levels[level];
            }
            probabilities[i] = Math.Clamp(random.NextDouble() + shift / 40, 0, 1);
            labels[i] = probabilities[i] >= 0.5;
            outcomes[i] = random.NextDouble() < probabilities[i];
        }
        var names = MonitoringDataset.FeatureNames;
        var features = new List<MonitoringColumn>();
        for (int k = 0; k < 4; k++)
        {
            features.Add(MonitoringColumn.Numeric(names[k], numeric[k]));
        }
        for (int k = 0; k < 5; k++)
        {
            features.Add(MonitoringColumn.Categorical(names[4 + k], categories[k]));
        }
        return new MonitoringDataset(rows, features, probabilities, labels, outcomes);
    }

    [Fact]
    public void Analyze_SameDistribution_NoDatasetDrift()
    {
        var result = DriftAnalyzer.Analyze(
            Dataset(2000, 0, false, 1),
            Dataset(1500, 0, false, 2),
            new DriftOptions()
        );

        Assert.False(result.DatasetDrift);
        Assert.Equal(9, result.Features.Count);
        Assert.Equal(11, result.ColumnsTested); // 9 features + probability + target
        Assert.All(result.Features.Take(4), f => Assert.Equal("wasserstein", f.Test));
        Assert.All(result.Features.Skip(4), f => Assert.Equal("jensenshannon", f.Test));
        Assert.NotNull(result.LabelDrift);
    }

    [Fact]
    public void Analyze_ShiftedNumericAndCategories_DatasetDrifts()
    {
        var result = DriftAnalyzer.Analyze(
            Dataset(2000, 0, false, 1),
            Dataset(1500, 10, true, 2),
            new DriftOptions()
        );

        Assert.True(result.DatasetDrift);
        Assert.True(result.Share >= 0.5);
        Assert.True(result.PredictionDrift);
        Assert.All(result.Features.Take(7), f => Assert.True(f.Drifted, f.Column));
    }

    [Fact]
    public void Analyze_ExactlyHalfDrifted_IsDatasetDrift()
    {
        // Two columns, one drifted: share = 0.5 ≥ 0.5 (four rows: the floor lowered to test the share).
        var reference = new MonitoringDataset(
            4,
            [
                MonitoringColumn.Categorical("a", ["x", "y", "x", "y"]),
                MonitoringColumn.Categorical("b", ["x", "y", "x", "y"]),
            ]
        );
        var current = new MonitoringDataset(
            4,
            [
                MonitoringColumn.Categorical("a", ["x", "y", "x", "y"]),
                MonitoringColumn.Categorical("b", ["z", "z", "z", "y"]),
            ]
        );

        var result = DriftAnalyzer.Analyze(
            reference,
            current,
            new DriftOptions { MinimumRows = 1 }
        );

        Assert.Equal(2, result.ColumnsTested);
        Assert.Equal(1, result.ColumnsDrifted);
        Assert.True(result.DatasetDrift);
    }

    [Fact]
    public void Analyze_StrictSameDistribution_NoFeatureDriftsAndPsiIsOnFixedBins()
    {
        var reference = Dataset(5000, 0, false, 1);
        var options = new DriftOptions { Profile = DriftProfile.Strict };
        var profile = ReferenceProfile.Build(reference);

        var result = DriftAnalyzer.Analyze(reference, Dataset(3000, 0, false, 2), options, profile);

        Assert.False(result.DatasetDrift);
        Assert.Equal(9, result.ColumnsTested);
        Assert.All(result.Features, f => Assert.False(double.IsNaN(f.AdjustedPValue)));
        Assert.All(result.Features, f => Assert.InRange(f.ReferenceBinPsi, 0, 0.1));
        Assert.Equal(10, profile.For(MonitoringDataset.FeatureNames[0])!.BinCount);
    }

    [Fact]
    public void Analyze_StrictShifted_DriftsWithAdjustedPValuesAtLeastRaw()
    {
        var reference = Dataset(5000, 0, false, 1);
        var options = new DriftOptions { Profile = DriftProfile.Strict };

        var result = DriftAnalyzer.Analyze(reference, Dataset(3000, 10, true, 2), options);

        Assert.True(result.DatasetDrift);
        Assert.All(result.Features, f => Assert.True(f.AdjustedPValue >= f.Score));
        Assert.All(result.Features.Take(7), f => Assert.True(f.Drifted, f.Column));
    }

    [Fact]
    public void Analyze_StrictPsiWithSameProfile_IndependentOfOtherWindows()
    {
        var reference = Dataset(5000, 0, false, 1);
        var profile = ReferenceProfile.Build(reference);
        var options = new DriftOptions { Profile = DriftProfile.Strict };
        var window = Dataset(1000, 3, false, 7);

        var alone = DriftAnalyzer.Analyze(reference, window, options, profile);
        var again = DriftAnalyzer.Analyze(Dataset(5000, 0, false, 99), window, options, profile);

        // Evidently's Sturges bins move with the data; fixed reference bins do not.
        Assert.Equal(alone.Features[0].ReferenceBinPsi, again.Features[0].ReferenceBinPsi);
    }
}
