using System.Text;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Data;

public class CsvDatasetReaderHeaderTests
{
    [Fact]
    public void Read_EmptyFile_ReportsFatalError()
    {
        var result = CsvText.Read([]);

        Assert.False(result.Report.IsReadable);
        Assert.Contains("empty", result.Report.FatalError, StringComparison.Ordinal);
        Assert.Equal(0, result.Report.RowsRead);
        Assert.Empty(result.Records);
        Assert.Equal("line,reason,column,original\n", result.RejectsCsv);
    }

    [Fact]
    public void Read_BlankFirstLine_ReportsFatalError()
    {
        var result = CsvText.Read("\n" + CsvText.File(CsvText.Row()));

        Assert.Contains("first line is blank", result.Report.FatalError, StringComparison.Ordinal);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Read_HeaderOnly_ReadsZeroRowsWithWarning()
    {
        var result = CsvText.Read(CsvText.Header + "\n");

        Assert.True(result.Report.IsReadable);
        Assert.Equal(0, result.Report.RowsRead);
        Assert.Contains(
            result.Report.Warnings,
            w => w.Contains("no data rows", StringComparison.Ordinal)
        );
    }

    [Theory]
    [InlineData(";", "semicolons")]
    [InlineData("\t", "tabs")]
    [InlineData("|", "pipes")]
    public void Read_OtherSeparator_ReportsNotCommaSeparated(string separator, string named)
    {
        var text =
            string.Join(separator, DatasetSchema.Columns)
            + "\n"
            + CsvText.Row().Replace(",", separator, StringComparison.Ordinal)
            + "\n";

        var result = CsvText.Read(text);

        Assert.Contains("not comma-separated", result.Report.FatalError, StringComparison.Ordinal);
        Assert.Contains(named, result.Report.FatalError, StringComparison.Ordinal);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Read_MissingColumns_NamesThemInOneError()
    {
        var header = string.Join(
            ',',
            DatasetSchema.Columns.Where(c =>
                c is not (DatasetSchema.Age or DatasetSchema.StressLevel)
            )
        );

        var result = CsvText.Read(header + "\nU1,Female\n");

        Assert.StartsWith(
            "Missing required column(s): Age, Stress_Level.",
            result.Report.FatalError,
            StringComparison.Ordinal
        );
        Assert.Equal(0, result.Report.RowsRead);
    }

    [Fact]
    public void Read_NoHeaderRow_DoesNotEchoTheDataInTheError()
    {
        var result = CsvText.Read(CsvText.Row("SECRET-ID") + "\n" + CsvText.Row("U2") + "\n");

        Assert.NotNull(result.Report.FatalError);
        Assert.DoesNotContain("SECRET-ID", result.Report.FatalError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ColumnNamedTwice_ReportsFatalError()
    {
        var result = CsvText.Read(CsvText.Header + ",age\n" + CsvText.Row() + ",31\n");

        Assert.Contains("more than once", result.Report.FatalError, StringComparison.Ordinal);
        Assert.Contains("Age", result.Report.FatalError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExtraColumns_AreIgnoredWithWarning()
    {
        var text = "Notes," + CsvText.Header + ",Score\n" + "hello," + CsvText.Row() + ",9\n";

        var result = CsvText.Read(text);

        var record = Assert.Single(result.Records);
        Assert.Equal("U1", record.UserId);
        Assert.Equal(3, record.PhysicalActivityHours);
        Assert.Contains("Ignored 2 extra column(s): Notes, Score.", result.Report.Warnings);
    }

    [Fact]
    public void Read_ShuffledColumns_MapsValuesByName()
    {
        var text =
            "Physical_Activity_Hours,Country,User_ID,Sleep_Hours,Age,Work_Hours,Gender,"
            + "Stress_Level,Occupation,Consultation_History,Severity,Mental_Health_Condition\n"
            + "2.5,India,U9,6,45,50,Male,High,Finance,Yes,,No\n";

        var record = Assert.Single(CsvText.Read(text).Records);

        Assert.Equal("U9", record.UserId);
        Assert.Equal(45, record.Age);
        Assert.Equal("Male", record.Gender);
        Assert.Equal("Finance", record.Occupation);
        Assert.Equal("India", record.Country);
        Assert.False(record.HasCondition);
        Assert.Null(record.Severity);
        Assert.True(record.ConsultationHistory);
        Assert.Equal("High", record.StressLevel);
        Assert.Equal(6, record.SleepHours);
        Assert.Equal(50, record.WorkHours);
        Assert.Equal(2.5, record.PhysicalActivityHours);
    }

    [Fact]
    public void Read_HeaderCaseAndWhitespaceVariants_AreMatched()
    {
        var header =
            " user_id ,AGE,gender, Occupation,COUNTRY,mental health condition,severity,"
            + "Consultation History,STRESS_LEVEL,sleep_hours,Work Hours,physical_activity_hours";

        var result = CsvText.Read(header + "\n" + CsvText.Row() + "\n");

        Assert.Null(result.Report.FatalError);
        Assert.Single(result.Records);
        Assert.Empty(result.Report.Warnings);
    }

    [Fact]
    public void Read_Utf8Bom_IsSkipped()
    {
        var bytes = Encoding
            .UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes(CsvText.File(CsvText.Row())))
            .ToArray();

        var result = CsvText.Read(bytes);

        Assert.Null(result.Report.FatalError);
        Assert.Equal("U1", Assert.Single(result.Records).UserId);
    }

    [Fact]
    public void Read_BomOnly_ReportsEmptyFile()
    {
        var result = CsvText.Read(Encoding.UTF8.GetPreamble());

        Assert.Contains("empty", result.Report.FatalError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Utf16WithBom_IsDecoded()
    {
        var text = CsvText.File(CsvText.Row("Ü1"));
        var bytes = Encoding
            .Unicode.GetPreamble()
            .Concat(Encoding.Unicode.GetBytes(text))
            .ToArray();

        var result = CsvText.Read(bytes);

        Assert.Equal("Ü1", Assert.Single(result.Records).UserId);
    }
}
