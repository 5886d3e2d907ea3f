using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Protocol;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

public sealed class TrainingOptionsTests
{
    [Fact]
    public void Defaults_AreThoseOfTheIssue()
    {
        var options = new TrainingOptions();

        Assert.Equal(42, options.Seed);
        Assert.Equal(0.2, options.TestFraction);
        Assert.Equal(5, options.Folds);
        Assert.Equal(20, options.SearchBudget);
        Assert.Equal(SearchStrategy.Halving, options.SearchStrategy);
        Assert.Equal(MetricNames.RocAuc, options.PrimaryMetric);
        Assert.Equal(ThresholdStrategy.MaxF1, options.Threshold);
        Assert.Equal(0.05, options.Alpha);
        Assert.Equal(1000, options.BootstrapResamples);
        Assert.Equal(5, options.PermutationRepeats);
        Assert.Equal(0.95, options.LeakageAucThreshold);
        Assert.False(options.AllowSuspectedLeakage);
        Assert.Equal(FeatureSpec.Default, options.Features);
        Assert.Empty(options.FindProblems());
    }

    [Theory]
    [InlineData("TestFraction")]
    [InlineData("Folds")]
    [InlineData("SearchBudget")]
    [InlineData("PrimaryMetric")]
    [InlineData("SearchStrategy")]
    [InlineData("Alpha")]
    [InlineData("BootstrapResamples")]
    [InlineData("PermutationRepeats")]
    [InlineData("LeakageAucThreshold")]
    public void Validate_OutOfRange_NamesTheOption(string option)
    {
        var options = option switch
        {
            "TestFraction" => new TrainingOptions { TestFraction = 1 },
            "Folds" => new TrainingOptions { Folds = 1 },
            "SearchBudget" => new TrainingOptions { SearchBudget = 0 },
            "PrimaryMetric" => new TrainingOptions { PrimaryMetric = "auc" },
            "SearchStrategy" => new TrainingOptions { SearchStrategy = (SearchStrategy)7 },
            "Alpha" => new TrainingOptions { Alpha = 0 },
            "BootstrapResamples" => new TrainingOptions { BootstrapResamples = 0 },
            "PermutationRepeats" => new TrainingOptions { PermutationRepeats = 0 },
            _ => new TrainingOptions { LeakageAucThreshold = 0.5 },
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeverityAsFeature_Rejected()
    {
        var options = new TrainingOptions
        {
            Features = new FeatureSpec { Features = ["Age", "Severity"] },
        };

        Assert.Contains(
            options.FindProblems(),
            p => p.Contains("Severity", StringComparison.Ordinal)
        );
    }
}
