using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Data;

public class CsvDatasetReaderRejectsTests
{
    [Fact]
    public void ReadFile_NoRejects_WritesHeaderOnlyRejectsFile()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.csv", CsvText.File(CsvText.Row()));
        var rejects = dir.File("rejects.csv");

        new CsvDatasetReader().ReadFile(input, _ => { }, rejects);

        Assert.Equal("line,reason,column,original\n", File.ReadAllText(rejects));
    }

    [Fact]
    public void ReadFile_RejectedRows_AreWrittenWithLineReasonColumnAndQuotedOriginal()
    {
        using var dir = new TempDirectory();
        var input = dir.Write(
            "in.csv",
            CsvText.File(
                CsvText.Row("U1"),
                "\"U,2\",30,\"Female, \"\"F\"\"\",IT,USA,Maybe,Low,No,Medium,7.5,40,3",
                CsvText.Row("U3"),
                "U4,30,Female",
                CsvText.Row("U1")
            )
        );
        var rejects = dir.File("out/rejects.csv");

        var report = new CsvDatasetReader().ReadFile(input, _ => { }, rejects);

        var expected = """""""
            line,reason,column,original
            3,InvalidTarget,Mental_Health_Condition,"""U,2"",30,""Female, """"F"""""",IT,USA,Maybe,Low,No,Medium,7.5,40,3"
            5,WrongFieldCount,,"U4,30,Female"
            6,DuplicateUserId,User_ID,"U1,30,Female,IT,USA,Yes,Low,No,Medium,7.5,40,3"

            """"""";
        Assert.Equal(expected.ReplaceLineEndings("\n"), File.ReadAllText(rejects));
        Assert.Equal(3, report.RowsRejected);
    }

    [Theory]
    [InlineData("=1+2,30,Female")]
    [InlineData("+1,30,Female")]
    [InlineData("-1,30,Female")]
    [InlineData("@SUM(A1),30,Female")]
    [InlineData("\tU5,30,Female")]
    [InlineData("=HYPERLINK(\"http://x\")")]
    public void Read_RejectedRowStartingLikeAFormula_OriginalNeutralisedWithAnApostrophe(string row)
    {
        var result = CsvText.Read(CsvText.File(CsvText.Row("U1"), row));

        var rejected = Assert.Single(result.Rejects);
        Assert.Equal("'" + row, rejected[3]);
        Assert.Contains("\"'" + row[0], result.RejectsCsv, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_RejectsOriginal_RoundTripsToTheInputLine()
    {
        using var dir = new TempDirectory();
        string[] bad =
        [
            "U2,30,Female,IT,USA,,Low,No,Medium,7.5,40,3",
            "\"U3\",\"3\"\"0\",Female,IT,USA,Yes,Low,No,Medium,7.5,40,3",
            "U4,30,Female,IT,USA,Yes,Low,No,Medium,7.5,40,3,extra",
        ];
        var input = dir.Write("in.csv", CsvText.File(bad, "\r\n"));
        var rejects = dir.File("rejects.csv");

        new CsvDatasetReader().ReadFile(input, _ => { }, rejects);

        var rows = CsvText.ParseRejects(File.ReadAllText(rejects));
        Assert.Equal(bad, rows.Select(r => r[3]));
        Assert.Equal(["2", "3", "4"], rows.Select(r => r[0]));
    }

    [Fact]
    public void ReadFile_ManyRows_CountsReconcileWithRecordsAndRejectsFile()
    {
        using var dir = new TempDirectory();
        var rows = Enumerable
            .Range(0, 5000)
            .Select(i =>
                (i % 7) switch
                {
                    0 => CsvText.Row($"U{i}").Replace(",Yes,", ",,", StringComparison.Ordinal),
                    1 => CsvText.Row($"U{i - 1}"),
                    2 => CsvText.Row($"U{i}") + ",x",
                    _ => CsvText.Row($"U{i}"),
                }
            )
            .ToArray();
        var input = dir.Write("in.csv", CsvText.File(rows));
        var rejects = dir.File("rejects.csv");
        var accepted = 0;

        var report = new CsvDatasetReader().ReadFile(input, _ => accepted++, rejects);

        var rejected = CsvText.ParseRejects(File.ReadAllText(rejects));
        Assert.Equal(5000, report.RowsRead);
        Assert.Equal(report.RowsRead, accepted + rejected.Count);
        Assert.Equal(report.RowsAccepted, accepted);
        Assert.Equal(report.RowsRejected, rejected.Count);
        Assert.True(report.Reconciles);
        Assert.Equal(report.RowsRejected, report.RejectsByReason.Values.Sum());
        Assert.Equal(
            rejected
                .GroupBy(r => r[1])
                .ToDictionary(g => Enum.Parse<RejectReason>(g.Key), g => (long)g.Count()),
            report.RejectsByReason
        );
    }

    [Fact]
    public void Read_NullRejectsWriter_StillCountsRejects()
    {
        using var input = new MemoryStream(
            System.Text.Encoding.UTF8.GetBytes(CsvText.File("U1,30"))
        );

        var report = new CsvDatasetReader().Read(input, _ => { });

        Assert.Equal(1, report.RowsRejected);
    }
}
