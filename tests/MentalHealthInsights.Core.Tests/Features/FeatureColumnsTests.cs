using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;

namespace MentalHealthInsights.Core.Tests.Features;

public class FeatureColumnsTests
{
    [Theory]
    [InlineData("Age", FeatureKind.Numeric)]
    [InlineData("Sleep_Hours", FeatureKind.Numeric)]
    [InlineData("Work_Hours", FeatureKind.Numeric)]
    [InlineData("Physical_Activity_Hours", FeatureKind.Numeric)]
    [InlineData("Gender", FeatureKind.Categorical)]
    [InlineData("Occupation", FeatureKind.Categorical)]
    [InlineData("Country", FeatureKind.Categorical)]
    [InlineData("Consultation_History", FeatureKind.Categorical)]
    [InlineData("Stress_Level", FeatureKind.Categorical)]
    public void GetKind_FeatureColumn_MatchesSchema(string column, FeatureKind expected)
    {
        Assert.Equal(expected, FeatureColumns.GetKind(column));
        Assert.Equal(
            expected == FeatureKind.Numeric,
            DatasetSchema.NumericColumns.Contains(column)
        );
    }

    [Theory]
    [InlineData("Severity")]
    [InlineData("User_ID")]
    [InlineData("Mental_Health_Condition")]
    public void TryGetKind_NonFeatureColumn_ReturnsFalse(string column)
    {
        Assert.False(FeatureColumns.TryGetKind(column, out _));
        Assert.Throws<ArgumentException>(() => FeatureColumns.GetKind(column));
    }

    [Theory]
    [InlineData(true, "Yes")]
    [InlineData(false, "No")]
    [InlineData(null, null)]
    public void ReadCategory_ConsultationHistory_MapsBoolToYesNoOrNull(
        bool? value,
        string? expected
    )
    {
        var record = FeatureTestData.Record(consultation: value);

        Assert.Equal(expected, FeatureColumns.ReadCategory(record, "Consultation_History"));
    }

    [Fact]
    public void Read_EveryColumn_ReturnsTheRecordsValue()
    {
        var record = FeatureTestData.Record(
            age: 44,
            gender: "Male",
            occupation: "Sales",
            country: "UK",
            stress: null,
            sleep: 6.25,
            work: double.NaN,
            physical: 1.5
        );

        Assert.Equal(44, FeatureColumns.ReadNumeric(record, "Age"));
        Assert.Equal(6.25, FeatureColumns.ReadNumeric(record, "Sleep_Hours"));
        Assert.True(double.IsNaN(FeatureColumns.ReadNumeric(record, "Work_Hours")));
        Assert.Equal(1.5, FeatureColumns.ReadNumeric(record, "Physical_Activity_Hours"));
        Assert.Equal("Male", FeatureColumns.ReadCategory(record, "Gender"));
        Assert.Equal("Sales", FeatureColumns.ReadCategory(record, "Occupation"));
        Assert.Equal("UK", FeatureColumns.ReadCategory(record, "Country"));
        Assert.Null(FeatureColumns.ReadCategory(record, "Stress_Level"));
    }

    [Fact]
    public void ReadNumeric_CategoricalColumn_Throws()
    {
        var record = FeatureTestData.Record();

        Assert.Throws<ArgumentException>(() => FeatureColumns.ReadNumeric(record, "Gender"));
        Assert.Throws<ArgumentException>(() => FeatureColumns.ReadCategory(record, "Age"));
    }
}
