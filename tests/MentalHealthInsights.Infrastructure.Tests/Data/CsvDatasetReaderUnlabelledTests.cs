using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Data;

/// <summary>
/// <see cref="TargetRequirement.Optional"/>: a header without Mental_Health_Condition is read as
/// unlabelled data (rows validated on the features as usual); a header with it keeps every
/// rule, an empty outcome included; the default still requires the column.
/// </summary>
public class CsvDatasetReaderUnlabelledTests
{
    // The twelve columns without the outcome (Severity kept: it is ignored when unlabelled).
    private const string HeaderWithoutTarget =
        "User_ID,Age,Gender,Occupation,Country,Severity,Consultation_History,Stress_Level,Sleep_Hours,Work_Hours,Physical_Activity_Hours";

    private static string Row(string userId, string age = "30", string severity = "Low") =>
        $"{userId},{age},Female,IT,USA,{severity},No,Medium,7.5,40,3";

    [Fact]
    public void Read_OptionalWithoutTargetColumn_ReadsUnlabelledRowsAndReconciles()
    {
        var text = string.Join(
            '\n',
            HeaderWithoutTarget,
            Row("U1"),
            Row("U2", age: "5"),
            Row("U3", severity: "Unheard-of"),
            ""
        );

        var result = CsvText.Read(text, target: TargetRequirement.Optional);

        Assert.True(result.Report.IsReadable);
        Assert.True(result.Report.Unlabelled);
        Assert.Equal(3, result.Report.RowsRead);
        Assert.Equal(2, result.Report.RowsAccepted);
        Assert.Equal(1, result.Report.RowsRejected);
        Assert.True(result.Report.Reconciles);
        Assert.Equal(RejectReason.OutOfRange.ToString(), Assert.Single(result.Rejects)[1]);
        // Severity is an outcome too: ignored, never validated, in an unlabelled file.
        Assert.Equal(["U1", "U3"], result.Records.Select(r => r.UserId));
        Assert.All(result.Records, r => Assert.Null(r.Severity));
        Assert.Contains(
            result.Report.Warnings,
            w => w.Contains("unlabelled", StringComparison.Ordinal)
        );
        Assert.Contains(result.Report.Warnings, w => w == "Ignored 1 extra column(s): Severity.");
    }

    [Fact]
    public void Read_OptionalWithTargetColumn_EmptyOutcomeStillRejected()
    {
        var result = CsvText.Read(
            CsvText.File(CsvText.Row("U1"), "U2,30,Female,IT,USA,,Low,No,Medium,7.5,40,3"),
            target: TargetRequirement.Optional
        );

        Assert.False(result.Report.Unlabelled);
        Assert.Equal(2, result.Report.RowsRead);
        Assert.Equal(1, result.Report.RowsAccepted);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(RejectReason.MissingTarget.ToString(), reject[1]);
        Assert.Equal(DatasetSchema.MentalHealthCondition, reject[2]);
    }

    [Fact]
    public void Read_OptionalWithoutTargetColumn_LongRowOfTheHeadersWidthRejectedNotStopped()
    {
        // Over the 1,048,576-character record limit, but without quotes and with the file's
        // own field count: a field too long (as in a labelled file), not an unclosed quote.
        var text = string.Join(
            '\n',
            HeaderWithoutTarget,
            Row(new string('x', 1_100_000)),
            Row("U2"),
            ""
        );

        var result = CsvText.Read(text, target: TargetRequirement.Optional);

        Assert.True(result.Report.IsReadable);
        Assert.Null(result.Report.FatalError);
        Assert.Equal(2, result.Report.RowsRead);
        Assert.Equal(RejectReason.FieldTooLong.ToString(), Assert.Single(result.Rejects)[1]);
        Assert.Equal(["U2"], result.Records.Select(r => r.UserId));
    }

    [Fact]
    public void Read_DefaultWithoutTargetColumn_StillFatal()
    {
        var result = CsvText.Read(HeaderWithoutTarget + "\n" + Row("U1") + "\n");

        Assert.False(result.Report.IsReadable);
        Assert.False(result.Report.Unlabelled);
        Assert.StartsWith(
            "Missing required column(s): Mental_Health_Condition.",
            result.Report.FatalError,
            StringComparison.Ordinal
        );
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Read_OptionalWithoutTargetAndAFeature_NamesTheFeatureOnly()
    {
        var header = HeaderWithoutTarget.Replace(",Sleep_Hours", "", StringComparison.Ordinal);

        var result = CsvText.Read(header + "\n", target: TargetRequirement.Optional);

        Assert.False(result.Report.IsReadable);
        Assert.StartsWith(
            "Missing required column(s): Sleep_Hours. Without Mental_Health_Condition (unlabelled data) the header must name each of User_ID,",
            result.Report.FatalError,
            StringComparison.Ordinal
        );
    }
}
