using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;
using static MentalHealthInsights.Core.Data.DatasetSchema;

namespace MentalHealthInsights.Core.Tests.Data.Validation;

public class RecordValidatorCountsTests
{
    [Theory]
    [InlineData(Gender, " female ", "Female")]
    [InlineData(Gender, "NON-BINARY", "Non-binary")]
    [InlineData(Gender, "prefer not to say", "Prefer not to say")]
    [InlineData(Occupation, "it", "IT")]
    [InlineData(Country, "  uk", "UK")]
    [InlineData(Severity, "HIGH", "High")]
    [InlineData(StressLevel, "low ", "Low")]
    public void TryValidate_CategoryInAnyCase_ReturnsTheSchemaStringInstance(
        string column,
        string written,
        string canonical
    )
    {
        var record = TestRows.NewValidator().Accept(TestRows.With((column, written)));

        var value = column switch
        {
            Gender => record.Gender,
            Occupation => record.Occupation,
            Country => record.Country,
            Severity => record.Severity,
            _ => record.StressLevel,
        };
        var schemaInstance = AllCategoryValues().Single(v => v == canonical);
        Assert.Same(schemaInstance, value);
    }

    [Theory]
    [InlineData(Gender, "Genderfluid")]
    [InlineData(Occupation, "Astronaut")]
    [InlineData(Country, "France")]
    public void TryValidate_UnknownOpenCategory_MapsToOtherAndCounts(string column, string value)
    {
        var validator = TestRows.NewValidator();

        var record = validator.Accept(TestRows.With((column, value)));
        validator.Accept(TestRows.With((UserId, "U2"), (column, value)));

        Assert.Same(Other, ValueOf(record, column));
        var report = validator.CreateReport();
        Assert.Equal(2, report.UnknownCategoriesMapped[column]);
        Assert.Equal(0, report.MissingByColumn[column]);
    }

    [Theory]
    [InlineData(Gender)]
    [InlineData(Occupation)]
    [InlineData(Country)]
    public void TryValidate_LiteralOther_IsKnownNotUnknown(string column)
    {
        var validator = TestRows.NewValidator();

        var record = validator.Accept(TestRows.With((column, "other")));

        Assert.Same(Other, ValueOf(record, column));
        Assert.Equal(0, validator.CreateReport().UnknownCategoriesMapped[column]);
    }

    [Theory]
    [InlineData(Gender)]
    [InlineData(Occupation)]
    [InlineData(Country)]
    public void TryValidate_EmptyOpenCategory_IsOtherAndCountedMissing(string column)
    {
        var validator = TestRows.NewValidator();

        var record = validator.Accept(TestRows.With((column, " ")));

        Assert.Same(Other, ValueOf(record, column));
        var report = validator.CreateReport();
        Assert.Equal(1, report.MissingByColumn[column]);
        Assert.Equal(0, report.UnknownCategoriesMapped[column]);
    }

    [Fact]
    public void TryValidate_EmptyClosedCategories_AreNullAndCountedMissing()
    {
        var validator = TestRows.NewValidator();

        var record = validator.Accept(
            TestRows.With((Severity, ""), (ConsultationHistory, ""), (StressLevel, ""))
        );

        Assert.Null(record.Severity);
        Assert.Null(record.ConsultationHistory);
        Assert.Null(record.StressLevel);
        var missing = validator.CreateReport().MissingByColumn;
        Assert.Equal(1, missing[Severity]);
        Assert.Equal(1, missing[ConsultationHistory]);
        Assert.Equal(1, missing[StressLevel]);
    }

    [Fact]
    public void TryValidate_EmptyNumbers_AreNaNAndCountedMissing()
    {
        var validator = TestRows.NewValidator();

        var record = validator.Accept(
            TestRows.With(
                (Age, ""),
                (SleepHours, " "),
                (WorkHours, ""),
                (PhysicalActivityHours, "")
            )
        );

        Assert.True(double.IsNaN(record.Age));
        Assert.True(double.IsNaN(record.SleepHours));
        Assert.True(double.IsNaN(record.WorkHours));
        Assert.True(double.IsNaN(record.PhysicalActivityHours));
        var missing = validator.CreateReport().MissingByColumn;
        Assert.All(NumericColumns, c => Assert.Equal(1, missing[c]));
    }

    [Fact]
    public void CreateReport_MixedRows_CountsOnlyAcceptedRowsAndReconciles()
    {
        var validator = TestRows.NewValidator();
        validator.Accept(TestRows.With((UserId, "A"), (Age, ""), (Country, "France")));
        validator.Accept(TestRows.With((UserId, "B"), (Age, "")));
        // Rejected rows with missing or unknown values must not be counted.
        validator.Reject(
            TestRows.With((UserId, "C"), (Age, ""), (Country, "Peru"), (Severity, "x"))
        );
        validator.Reject(TestRows.With((UserId, "A")));
        validator.Reject(TestRows.With((UserId, "D"), (SleepHours, "NaN")));

        var report = validator.CreateReport(["w"]);

        Assert.Equal(5, report.RowsRead);
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(3, report.RowsRejected);
        Assert.True(report.Reconciles);
        Assert.Null(report.FatalError);
        Assert.Equal(["w"], report.Warnings);
        Assert.Equal(
            new Dictionary<RejectReason, long>
            {
                [RejectReason.NonFiniteNumber] = 1,
                [RejectReason.InvalidCategory] = 1,
                [RejectReason.DuplicateUserId] = 1,
            },
            report.RejectsByReason
        );
        Assert.Equal(Columns, report.MissingByColumn.Keys);
        Assert.Equal(2, report.MissingByColumn[Age]);
        Assert.Equal(11, report.MissingByColumn.Values.Count(v => v == 0));
        Assert.Equal(1, report.UnknownCategoriesMapped[Country]);
        Assert.Equal([Gender, Occupation, Country], report.UnknownCategoriesMapped.Keys);
    }

    [Fact]
    public void CreateFatalReport_Message_HasZeroCountsAndEveryColumn()
    {
        var report = RecordValidator.CreateFatalReport("broken");

        Assert.Equal("broken", report.FatalError);
        Assert.False(report.IsReadable);
        Assert.Equal(0, report.RowsRead);
        Assert.True(report.Reconciles);
        Assert.Equal(Columns, report.MissingByColumn.Keys);
        Assert.Empty(report.RejectsByReason);
    }

    private static string? ValueOf(MentalHealthRecord record, string column) =>
        column switch
        {
            Gender => record.Gender,
            Occupation => record.Occupation,
            _ => record.Country,
        };

    private static IEnumerable<string> AllCategoryValues() =>
        Genders
            .Concat(Occupations)
            .Concat(Countries)
            .Concat(SeverityLevels)
            .Concat(StressLevels)
            .Distinct();
}
