using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;

namespace MentalHealthInsights.Core.Tests.Features;

public class FeatureSpecTests
{
    [Fact]
    public void Default_Always_ListsTheNineFeaturesInIssueOrder()
    {
        Assert.Equal(
            [
                "Age",
                "Gender",
                "Occupation",
                "Country",
                "Consultation_History",
                "Stress_Level",
                "Sleep_Hours",
                "Work_Hours",
                "Physical_Activity_Hours",
            ],
            FeatureSpec.Default.Features
        );
        Assert.Equal("Mental_Health_Condition", FeatureSpec.Default.Target);
        Assert.Empty(FeatureSpec.Default.FindProblems());
    }

    [Fact]
    public void Validate_SeverityListed_ThrowsSayingItLeaksTheTarget()
    {
        var spec = new FeatureSpec { Features = ["Age", DatasetSchema.Severity] };

        var ex = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Contains("Severity", ex.Message, StringComparison.Ordinal);
        Assert.Contains("leaks the target", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mental_Health_Condition", "target")]
    [InlineData("User_ID", "identifier")]
    [InlineData("Salary", "not a column")]
    [InlineData("age", "not a column")]
    [InlineData("", "no column name")]
    public void Validate_ForbiddenOrUnknownColumn_ThrowsNamingTheProblem(
        string column,
        string fragment
    )
    {
        var spec = new FeatureSpec { Features = ["Age", column] };

        var ex = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateColumn_Throws()
    {
        var spec = new FeatureSpec { Features = ["Age", "Gender", "Age"] };

        var ex = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Contains("'Age' is listed more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyList_Throws()
    {
        var spec = new FeatureSpec { Features = [] };

        Assert.Throws<ArgumentException>(spec.Validate);
    }

    [Fact]
    public void Validate_OtherTarget_Throws()
    {
        var spec = new FeatureSpec { Target = DatasetSchema.Severity, Features = ["Age"] };

        var ex = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Contains("not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindProblems_SeveralProblems_ReportsEach()
    {
        var spec = new FeatureSpec { Features = ["Severity", "User_ID", "Nope", "Age", "Age"] };

        Assert.Equal(4, spec.FindProblems().Count);
    }

    [Fact]
    public void Equals_SameFeaturesInDifferentLists_IsTrue()
    {
        var a = new FeatureSpec
        {
            Features = new List<string> { "Age", "Gender" },
        };
        var b = new FeatureSpec { Features = ["Age", "Gender"] };
        var c = new FeatureSpec { Features = ["Gender", "Age"] };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }
}
