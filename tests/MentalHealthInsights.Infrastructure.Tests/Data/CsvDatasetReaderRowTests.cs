using System.Text;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Data;

public class CsvDatasetReaderRowTests
{
    // One row per reason, in a real file; DuplicateUserId repeats row 1's ID.
    public static TheoryData<RejectReason, string, string> RowsByReason() =>
        new()
        {
            { RejectReason.WrongFieldCount, "U2,30,Female,IT,USA,Yes,Low,No,Medium,7.5,40", "" },
            {
                RejectReason.MissingTarget,
                "U2,30,Female,IT,USA,,Low,No,Medium,7.5,40,3",
                DatasetSchema.MentalHealthCondition
            },
            {
                RejectReason.InvalidTarget,
                "U2,30,Female,IT,USA,Maybe,Low,No,Medium,7.5,40,3",
                DatasetSchema.MentalHealthCondition
            },
            {
                RejectReason.UnparsableNumber,
                "U2,thirty,Female,IT,USA,Yes,Low,No,Medium,7.5,40,3",
                DatasetSchema.Age
            },
            {
                RejectReason.NonFiniteNumber,
                "U2,30,Female,IT,USA,Yes,Low,No,Medium,NaN,40,3",
                DatasetSchema.SleepHours
            },
            {
                RejectReason.NonFiniteNumber,
                "U2,30,Female,IT,USA,Yes,Low,No,Medium,7.5,Infinity,3",
                DatasetSchema.WorkHours
            },
            {
                RejectReason.OutOfRange,
                "U2,30,Female,IT,USA,Yes,Low,No,Medium,7.5,40,-2",
                DatasetSchema.PhysicalActivityHours
            },
            {
                RejectReason.InvalidCategory,
                "U2,30,Female,IT,USA,Yes,Low,Often,Medium,7.5,40,3",
                DatasetSchema.ConsultationHistory
            },
            {
                RejectReason.MissingUserId,
                ",30,Female,IT,USA,Yes,Low,No,Medium,7.5,40,3",
                DatasetSchema.UserId
            },
            {
                RejectReason.DuplicateUserId,
                "U1,31,Male,IT,USA,No,,No,Low,8,40,3",
                DatasetSchema.UserId
            },
            {
                RejectReason.FieldTooLong,
                "U2,30,Female," + new string('x', 1025) + ",USA,Yes,Low,No,Medium,7.5,40,3",
                DatasetSchema.Occupation
            },
        };

    [Theory]
    [MemberData(nameof(RowsByReason))]
    public void Read_BadRow_IsRejectedWithReasonAndColumn(
        RejectReason reason,
        string row,
        string column
    )
    {
        var text = CsvText.File(CsvText.Row("U1"), row, CsvText.Row("U3"));

        var result = CsvText.Read(text);

        Assert.Equal(["U1", "U3"], result.Records.Select(r => r.UserId));
        Assert.Equal(
            new Dictionary<RejectReason, long> { [reason] = 1 },
            result.Report.RejectsByReason
        );
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(["3", reason.ToString(), column, row], reject);
        Assert.True(result.Report.Reconciles);
    }

    [Fact]
    public void Read_InvalidUtf8Bytes_RejectsInvalidEncoding()
    {
        var bytes = Encoding
            .UTF8.GetBytes(CsvText.Header + "\nU1,30,Fem")
            .Concat(new byte[] { 0xFF, 0xC3 })
            .Concat(
                Encoding.UTF8.GetBytes(
                    "ale,IT,USA,Yes,Low,No,Medium,7.5,40,3\n" + CsvText.Row("U2") + "\n"
                )
            )
            .ToArray();

        var result = CsvText.Read(bytes);

        Assert.Equal("U2", Assert.Single(result.Records).UserId);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(["2", "InvalidEncoding", "Gender"], reject[..3]);
        Assert.Contains('\uFFFD', reject[3]);
    }

    [Fact]
    public void Read_CrLfLineEndings_ReadLikeLf()
    {
        var rows = new[]
        {
            CsvText.Row("U1"),
            CsvText.Row("U2"),
            "U3,abc,Male,IT,UK,No,,No,Low,7,40,3",
        };

        var lf = CsvText.Read(CsvText.File(rows, "\n"));
        var crlf = CsvText.Read(CsvText.File(rows, "\r\n"));

        Assert.Equal(lf.Records, crlf.Records);
        Assert.Equal(2, crlf.Records.Count);
        Assert.Equal(lf.RejectsCsv, crlf.RejectsCsv);
        Assert.Equal("4", crlf.Rejects.Single()[0]);
    }

    [Fact]
    public void Read_QuotedFieldsWithCommasAndQuotes_AreUnescaped()
    {
        var text = CsvText.File(
            "\"U,1\",30,\"Female\",IT,USA,Yes,Low,No,Medium,\"7.5\",40,3",
            "\"U \"\"2\"\"\",30,Male,\"Sales, retail\",UK,No,,No,Low,7,40,3"
        );

        var result = CsvText.Read(text);

        Assert.Equal(["U,1", "U \"2\""], result.Records.Select(r => r.UserId));
        Assert.Equal(7.5, result.Records[0].SleepHours);
        Assert.Equal(DatasetSchema.Other, result.Records[1].Occupation);
        Assert.Equal(1, result.Report.UnknownCategoriesMapped[DatasetSchema.Occupation]);
    }

    [Fact]
    public void Read_QuotedLineBreak_KeepsRowTogetherAndLineNumbersRight()
    {
        var text = CsvText.File(
            "\"U\n1\",30,Female,IT,USA,Yes,Low,No,Medium,7.5,40,3",
            "U2,30,Female,IT,USA,Maybe,Low,No,Medium,7.5,40,3"
        );

        var result = CsvText.Read(text);

        Assert.Equal("U\n1", Assert.Single(result.Records).UserId);
        Assert.Equal("4", Assert.Single(result.Rejects)[0]);
    }

    [Fact]
    public void Read_OneMegabyteLine_RejectsFieldTooLong()
    {
        var huge = new string('x', 1 << 20);

        var result = CsvText.Read(CsvText.File(CsvText.Row("U1"), huge, CsvText.Row("U2")));

        Assert.Equal(2, result.Records.Count);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(["3", "FieldTooLong", DatasetSchema.UserId, huge], reject);
    }

    [Fact]
    public void Read_OneMegabyteOfCommas_RejectsWrongFieldCount()
    {
        var commas = new string(',', 1 << 20);

        var result = CsvText.Read(CsvText.File(commas, CsvText.Row("U2")));

        Assert.Equal("U2", Assert.Single(result.Records).UserId);
        Assert.Equal(
            RejectReason.WrongFieldCount,
            Assert.Single(result.Report.RejectsByReason).Key
        );
    }

    [Fact]
    public void Read_UnterminatedQuote_SwallowsRestIntoOneRejectedRow()
    {
        var result = CsvText.Read(CsvText.File(CsvText.Row("U1"), "\"U2,30", CsvText.Row("U3")));

        Assert.Equal("U1", Assert.Single(result.Records).UserId);
        Assert.Equal(
            RejectReason.WrongFieldCount,
            Assert.Single(result.Report.RejectsByReason).Key
        );
        Assert.True(result.Report.Reconciles);
    }

    [Fact]
    public void Read_UnterminatedQuoteBeyondSepLimit_StopsWithFatalErrorAndCountsSoFar()
    {
        var rest = string.Concat(Enumerable.Repeat(CsvText.Row("U9") + "\n", 17_000_000 / 40));
        var text = CsvText.File(CsvText.Row("U1"), "\"U2,30") + rest;

        var result = CsvText.Read(text);

        Assert.Equal(StoppedAtLine3, result.Report.FatalError);
        Assert.Equal(1, result.Report.RowsRead);
        Assert.Single(result.Records);
        Assert.True(result.Report.Reconciles);
    }

    // mhi batch's message (CsvRecordLimit), without a file name, and what it means here.
    private const string StoppedAtLine3 =
        "Reading stopped at line 3: the row starting there is longer than 1,048,576 characters, "
        + "usually because a quote (\") is never closed. Rows before it were validated.";

    [Fact]
    public void Read_UnterminatedQuoteSwallowingOver1MB_StopsNamingTheLineAsMhiBatch()
    {
        // About 1.2 million characters after the quote: under Sep's limit, over mhi batch's.
        var rest = string.Concat(Enumerable.Repeat(CsvText.Row("U9") + "\n", 30_000));
        var text = CsvText.File(CsvText.Row("U1"), "\"U2,30") + rest;

        var result = CsvText.Read(text);

        Assert.Equal(StoppedAtLine3, result.Report.FatalError);
        Assert.False(result.Report.IsReadable);
        Assert.Equal(1, result.Report.RowsRead);
        Assert.Empty(result.Rejects);
        Assert.True(result.Report.Reconciles);
    }

    [Fact]
    public void Read_RowOfTheHeadersWidthOver1MBWithoutQuotes_RejectedFieldTooLongNotStopped()
    {
        // Without a quote a row ends at its line break: an over-long field, not a runaway quote.
        var row =
            "U2,30,Female," + new string('x', (1 << 20) + 1) + ",USA,Yes,Low,No,Medium,7.5,40,3";

        var result = CsvText.Read(CsvText.File(CsvText.Row("U1"), row, CsvText.Row("U3")));

        Assert.Null(result.Report.FatalError);
        Assert.Equal(2, result.Records.Count);
        Assert.Equal(
            ["3", "FieldTooLong", DatasetSchema.Occupation],
            Assert.Single(result.Rejects)[..3]
        );
    }

    [Fact]
    public void Read_BlankLines_AreSkippedWithWarning()
    {
        var result = CsvText.Read(CsvText.File(CsvText.Row("U1"), "", CsvText.Row("U2"), ""));

        Assert.Equal(2, result.Report.RowsRead);
        Assert.Contains("Skipped 2 blank line(s); they are not rows.", result.Report.Warnings);
    }

    [Fact]
    public void Read_NegativeAndSpecialNumbers_AreRejectedOrMissing()
    {
        var result = CsvText.Read(
            CsvText.File(
                "U1,-30,Female,IT,USA,Yes,Low,No,Medium,7.5,40,3",
                "U2,30,Female,IT,USA,Yes,Low,No,Medium,-Infinity,40,3",
                "U3,,Female,IT,USA,Yes,Low,No,Medium,,40,3"
            )
        );

        Assert.Equal(["OutOfRange", "NonFiniteNumber"], result.Rejects.Select(r => r[1]));
        var kept = Assert.Single(result.Records);
        Assert.True(double.IsNaN(kept.Age));
        Assert.Equal(1, result.Report.MissingByColumn[DatasetSchema.Age]);
        Assert.Equal(1, result.Report.MissingByColumn[DatasetSchema.SleepHours]);
    }

    [Fact]
    public void Read_UnknownCategories_MapToOtherAndAreCounted()
    {
        var result = CsvText.Read(
            CsvText.File(
                "U1,30,Agender,Astronaut,France,Yes,Low,No,Medium,7.5,40,3",
                "U2,30,,Teacher,,No,,No,Low,7,40,3"
            )
        );

        Assert.All(result.Records, r => Assert.Same(DatasetSchema.Other, r.Country));
        var unknown = result.Report.UnknownCategoriesMapped;
        Assert.Equal(1, unknown[DatasetSchema.Gender]);
        Assert.Equal(2, unknown[DatasetSchema.Occupation]);
        Assert.Equal(1, unknown[DatasetSchema.Country]);
        Assert.Equal(1, result.Report.MissingByColumn[DatasetSchema.Gender]);
        Assert.Equal(1, result.Report.MissingByColumn[DatasetSchema.Country]);
    }
}
