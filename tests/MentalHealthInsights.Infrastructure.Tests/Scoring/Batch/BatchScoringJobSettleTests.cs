using MentalHealthInsights.Core.Scoring.Batch;
using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

/// <summary>
/// Rows are checked on the scoring threads (unquoted rows of the header's width) or on the
/// reader (quoted or other-width rows), then settled in input order (duplicate ids, counts,
/// rejects): the decisions must be those of one validator reading the file in order, for any
/// chunk size and number of threads, and a resumed partitioned run must finish identically.
/// </summary>
public sealed class BatchScoringJobSettleTests(BatchTestModel model) : IClassFixture<BatchTestModel>
{
    // After 12 generated records (User_IDs 1–12, lines 2–13), from line 14 on.
    private static readonly string[] Mixed =
    [
        "\"q1\",30,Female,\"IT, retail\",UK,No,None,No,Low,7,40,2", // 14 accepted (quoted: the reader checks it)
        "q1,31,Female,IT,UK,No,None,No,Low,7,40,2", // 15 DuplicateUserId of a reader-checked row
        "q2,31,Female,IT,UK,No,None,No,Low,7,40,2", // 16 accepted
        "\"q2\",30,Male,IT,UK,No,None,No,Low,7,40,2", // 17 DuplicateUserId found by a reader-checked row
        "q3,abc,Female,IT,UK,No,None,No,Low,7,40,2", // 18 UnparsableNumber: q3 stays new
        "q3,30,Female,IT,UK,No,None,No,Low,7,40,2,extra", // 19 WrongFieldCount (reader): q3 stays new
        "q3,30,Female,IT,UK,No,None,No,Low,7,40,2", // 20 accepted
        "3,30,Female,IT,UK,No,None,No,Low,7,40,2", // 21 DuplicateUserId of a generated record
        "\"3\",30,Female,IT,UK,No,None,No,Low,7,40,2", // 22 DuplicateUserId (quoted number)
        "03,30,Female,IT,UK,No,None,No,Low,7,40,2", // 23 accepted: "03" is not "3"
        "q4,30,Female,IT,UK,No,None,No,Low,7,40", // 24 WrongFieldCount (short, reader)
        "q4,30,Female,IT,UK,No,None,No,Low,7,40,2", // 25 accepted
    ];

    [Fact]
    public void Run_MixedRowsAnyChunkingAndThreads_SameDecisionsAndBytes()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(12, seed: 21), Mixed);
        byte[]? firstOutput = null;
        byte[]? firstRejects = null;

        foreach (var (chunkRows, threads) in new[] { (1000, 1), (1, 3), (2, 2), (5, 4) })
        {
            var result = model
                .Job()
                .Run(
                    BatchTestModel.PinnedOptions(
                        input,
                        temp.File($"out-{chunkRows}-{threads}.csv"),
                        rawIds: false,
                        chunkRows,
                        threads
                    )
                );

            Assert.True(result.Completed, result.FatalError);
            Assert.Equal(24, result.RowsRead);
            Assert.Equal(12 + 5, result.RowsScored);
            Assert.Equal(7, result.RowsRejected);
            Assert.Equal(
                [
                    "in.csv,15,DuplicateUserId,User_ID",
                    "in.csv,17,DuplicateUserId,User_ID",
                    "in.csv,18,UnparsableNumber,Age",
                    "in.csv,19,WrongFieldCount,",
                    "in.csv,21,DuplicateUserId,User_ID",
                    "in.csv,22,DuplicateUserId,User_ID",
                    "in.csv,24,WrongFieldCount,",
                ],
                File.ReadAllLines(result.RejectsPath)
                    .Skip(1)
                    .Select(l => string.Join(',', l.Split(',').Take(4)))
            );
            var lines = File.ReadAllLines(result.OutputPath).Skip(1).ToArray();
            Assert.Equal(
                [.. Enumerable.Range(2, 12), 14, 16, 20, 23, 25],
                lines.Select(l =>
                    int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)
                )
            );
            firstOutput ??= File.ReadAllBytes(result.OutputPath);
            firstRejects ??= File.ReadAllBytes(result.RejectsPath);
            Assert.Equal(firstOutput, File.ReadAllBytes(result.OutputPath));
            Assert.Equal(firstRejects, File.ReadAllBytes(result.RejectsPath));
        }
    }

    [Fact]
    public void Run_PartitionCancelledTwiceThenResumed_SameBytesAndCountsAsUninterrupted()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(300, seed: 22), Mixed);
        BatchScoringOptions Options(string output) =>
            BatchTestModel.PinnedOptions(input, temp.File(output), rawIds: false, 9, 3) with
            {
                Partition = new BatchPartition(1, 2),
            };
        var reference = model.Job().Run(Options("reference.csv"));
        var options = Options("out.csv");

        BatchInterruption.RunUntilReport(model.Job(), options, 6);
        // Resumed, it re-reads the committed rows without committing them again: stopped at
        // its first commit, a second resume still continues from the right row.
        BatchInterruption.RunUntilReport(model.Job(), options with { Resume = true }, 1);
        var resumed = model.Job().Run(options with { Resume = true });

        Assert.True(resumed.ResumedAfterRows > 0);
        BatchInterruption.AssertSameFiles(reference, resumed);
        Assert.Equal(
            (
                reference.RowsRead,
                reference.RowsScored,
                reference.RowsRejected,
                reference.RowsInOtherPartitions
            ),
            (
                resumed.RowsRead,
                resumed.RowsScored,
                resumed.RowsRejected,
                resumed.RowsInOtherPartitions
            )
        );
        Assert.Equal(
            reference.RowsRead,
            reference.RowsScored + reference.RowsRejected + reference.RowsInOtherPartitions
        );
        Assert.True(reference.RowsInOtherPartitions > 100);
    }

    [Fact]
    public void Run_ReaderFailsAfterManyChunks_ReportsTheReadersErrorAndCommitsNoFurther()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(300, seed: 23));
        // A quote never closed: Sep gives up past 16,777,216 characters in one row.
        File.AppendAllText(input, "\"q5," + new string('x', 17_000_000));
        var options = BatchTestModel.PinnedOptions(input, temp.File("out.csv"), false, 7, 3);

        var error = Assert.Throws<InvalidDataException>(() => model.Job().Run(options));

        // The line the unreadable row starts on: after the header and the 300 rows.
        Assert.StartsWith(
            "in.csv: reading stopped at line 302: the row starting there is longer than",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.False(File.Exists(options.Output));
        Assert.False(BatchCheckpoint.TryRead(options.Output + ".checkpoint.json")!.Finished);
    }
}
