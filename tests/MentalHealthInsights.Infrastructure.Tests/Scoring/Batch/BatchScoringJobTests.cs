using System.Globalization;
using MentalHealthInsights.Core.Scoring.Batch;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

public sealed class BatchScoringJobTests(BatchTestModel model) : IClassFixture<BatchTestModel>
{
    // Rows 1–5 of the bad lines below: each breaks one rule (the line numbers follow 40 good rows).
    private static readonly string[] BadLines =
    [
        "b1,abc,Female,IT,UK,No,None,No,Low,7,40,2", // UnparsableNumber (Age)
        "b2,30,Female,IT,UK,No,None,No,Extreme,7,40,2", // InvalidCategory (Stress_Level)
        "b3,30,Female,IT,UK", // WrongFieldCount
        ",30,Female,IT,UK,No,None,No,Low,7,40,2", // MissingUserId
        "1,30,Female,IT,UK,No,None,No,Low,7,40,2", // DuplicateUserId (the first record's id)
    ];

    private BatchScoringOptions Options(
        BatchTempFolder temp,
        string input,
        string output = "out.csv"
    ) =>
        new()
        {
            Input = input,
            Output = temp.File(output),
            PseudonymisationKey = BatchTestModel.Key,
            ScoredAt = BatchTestModel.ScoredAt,
            ChunkRows = 7,
            Parallelism = 3,
        };

    [Fact]
    public void Run_ValidAndInvalidRows_CountsReconcileAndEveryRejectHasItsReason()
    {
        using var temp = new BatchTempFolder();
        var records = BatchTestModel.Records(40, seed: 1);
        var input = temp.WriteInput("in.csv", records, BadLines);

        var result = model.Job().Run(Options(temp, input));

        Assert.True(result.Completed, result.FatalError);
        Assert.Equal(45, result.RowsRead);
        Assert.Equal(40, result.RowsScored);
        Assert.Equal(5, result.RowsRejected);
        Assert.Equal(result.RowsRead, result.RowsScored + result.RowsRejected);
        var output = File.ReadAllLines(result.OutputPath);
        Assert.Equal(BatchScoringJob.OutputHeader, output[0]);
        Assert.Equal(41, output.Length);
        var rejects = File.ReadAllLines(result.RejectsPath);
        Assert.Equal(BatchScoringJob.RejectsHeader, rejects[0]);
        Assert.Equal(
            [
                "in.csv,42,UnparsableNumber,Age",
                "in.csv,43,InvalidCategory,Stress_Level",
                "in.csv,44,WrongFieldCount,",
                "in.csv,45,MissingUserId,User_ID",
                "in.csv,46,DuplicateUserId,User_ID",
            ],
            rejects.Skip(1).Select(l => string.Join(',', l.Split(',').Take(4)))
        );
        Assert.False(File.Exists(result.OutputPath + ".partial"));
        Assert.False(File.Exists(result.OutputPath + ".checkpoint.json"));
    }

    [Fact]
    public void Run_EveryOutputLine_MatchesPredictorPseudonymAndThreshold()
    {
        using var temp = new BatchTempFolder();
        var records = BatchTestModel.Records(60, seed: 2);
        var input = temp.WriteInput("in.csv", records);
        var pseudonymiser = new SubjectPseudonymiser(BatchTestModel.Key);

        var result = model.Job().Run(Options(temp, input));

        var lines = File.ReadAllLines(result.OutputPath).Skip(1).ToArray();
        Assert.Equal(records.Length, lines.Length);
        long positives = 0;
        for (var i = 0; i < records.Length; i++)
        {
            var f = lines[i].Split(',');
            var probability = double.Parse(f[3], CultureInfo.InvariantCulture);
            Assert.Equal("in.csv", f[0]);
            Assert.Equal((i + 2).ToString(CultureInfo.InvariantCulture), f[1]);
            Assert.Equal(pseudonymiser.Pseudonymise(records[i].UserId), f[2]);
            // Shortest round-trip formatting: the parsed value is the predictor's, bit for bit.
            Assert.Equal(model.Predictor.PredictProbability(records[i]), probability);
            Assert.Equal(probability >= 0.5 ? "1" : "0", f[4]);
            Assert.Equal(["0.5", "test-model", "7", "2026-11-30T01:02:03.456Z"], f[5..]);
            positives += probability >= 0.5 ? 1 : 0;
        }

        Assert.Equal(positives, result.PositiveLabels);
    }

    [Fact]
    public void Run_ThreePartitions_DisjointAndTheirUnionIsTheWholeRun()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(100, seed: 3), BadLines);
        var whole = model.Job().Run(Options(temp, input, "whole.csv"));

        var parts = Enumerable
            .Range(0, 3)
            .Select(i =>
                model
                    .Job()
                    .Run(
                        Options(temp, input, $"part{i}.csv") with
                        {
                            Partition = new BatchPartition(i, 3),
                        }
                    )
            )
            .ToArray();

        static IEnumerable<string> Body(string path) => File.ReadLines(path).Skip(1);
        static int Line(string row) => int.Parse(row.Split(',')[1], CultureInfo.InvariantCulture);
        var union = parts.SelectMany(p => Body(p.OutputPath)).OrderBy(Line).ToArray();
        Assert.Equal(Body(whole.OutputPath), union);
        Assert.Equal(union.Length, union.Distinct(StringComparer.Ordinal).Count());
        var rejects = parts.SelectMany(p => Body(p.RejectsPath)).OrderBy(Line).ToArray();
        Assert.Equal(Body(whole.RejectsPath), rejects);
        Assert.All(parts, p => Assert.Equal(whole.RowsRead, p.RowsRead));
        Assert.All(
            parts,
            p => Assert.Equal(p.RowsRead, p.RowsScored + p.RowsRejected + p.RowsInOtherPartitions)
        );
        Assert.Equal(whole.RowsScored, parts.Sum(p => p.RowsScored));
        Assert.Equal(whole.RowsRejected, parts.Sum(p => p.RowsRejected));
    }

    [Fact]
    public void Run_CancelledThenResumed_SameBytesAsAnUninterruptedRun()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(500, seed: 4), BadLines);
        var reference = model.Job().Run(Options(temp, input, "reference.csv"));
        var options = Options(temp, input);

        // Stop after a few chunks were committed, leaving the partial files and the checkpoint.
        BatchInterruption.RunUntilReport(model.Job(), options, 5);
        Assert.True(File.Exists(options.Output + ".checkpoint.json"));
        Assert.False(File.Exists(options.Output));
        // A crash between writing rows and committing them leaves uncommitted bytes: resume drops them.
        File.AppendAllText(options.Output + ".partial", "uncommitted garbage\n");

        var resumed = model.Job().Run(options with { Resume = true });

        Assert.True(resumed.ResumedAfterRows > 0);
        BatchInterruption.AssertSameFiles(reference, resumed);
        Assert.Equal(reference.RowsScored, resumed.RowsScored);
        Assert.Equal(reference.RowsRejected, resumed.RowsRejected);
        Assert.Equal(reference.PositiveLabels, resumed.PositiveLabels);
    }

    [Fact]
    public void Run_ResumeWithAnotherKey_RefusesWithClearMessage()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(200, seed: 5));

        AssertResumeRefusedAsAnotherJob(
            temp,
            input,
            options =>
                options with
                {
                    PseudonymisationKey = "another-key-of-enough-length"u8.ToArray(),
                }
        );
    }

    [Fact]
    public void Run_ResumeAllowingDuplicateIds_RefusesAsAnotherJob()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(200, seed: 17), BadLines);

        AssertResumeRefusedAsAnotherJob(
            temp,
            input,
            options =>
                options with
                {
                    Validation = options.Validation with { RejectDuplicateUserIds = false },
                }
        );
    }

    // Interrupts a job on input after its first committed chunk, then resumes it with the
    // options changed by change: refused, as the checkpoint belongs to another job.
    private void AssertResumeRefusedAsAnotherJob(
        BatchTempFolder temp,
        string input,
        Func<BatchScoringOptions, BatchScoringOptions> change
    )
    {
        var options = Options(temp, input);
        BatchInterruption.RunUntilReport(model.Job(), options, 1);

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Job().Run(change(options) with { Resume = true })
        );

        Assert.Contains("another job", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResumeWithoutCheckpoint_StartsOver()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(30, seed: 6));

        var result = model.Job().Run(Options(temp, input) with { Resume = true });

        Assert.Equal(30, result.RowsScored);
        Assert.Equal(0, result.ResumedAfterRows);
    }

    [Fact]
    public void Run_RawIdsAndFileNamesStartingWithFormulas_AreNeutralised()
    {
        using var temp = new BatchTempFolder();
        var records = BatchTestModel.Records(3, seed: 7);
        records[0] = records[0] with { UserId = "=HYPERLINK(\"http://x\",\"y\")" };
        records[1] = records[1] with { UserId = "+1-2" };
        var input = temp.WriteInput("=cmd.csv", records);

        var result = model
            .Job()
            .Run(Options(temp, input) with { RawIds = true, PseudonymisationKey = null });

        var lines = File.ReadAllLines(result.OutputPath);
        Assert.StartsWith(
            "'=cmd.csv,2,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",",
            lines[1],
            StringComparison.Ordinal
        );
        Assert.StartsWith("'=cmd.csv,3,'+1-2,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith($"'=cmd.csv,4,{records[2].UserId},", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoKeyAndNoRawIds_ThrowsBeforeWriting()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(3, seed: 8));

        var error = Assert.Throws<ArgumentException>(() =>
            model.Job().Run(Options(temp, input) with { PseudonymisationKey = null })
        );

        Assert.Contains("pseudonymisation key", error.Message, StringComparison.Ordinal);
        Assert.Equal(["in.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_MissingColumns_FatalErrorNamesThemAndWritesNothing()
    {
        using var temp = new BatchTempFolder();
        var input = temp.File("in.csv");
        File.WriteAllText(input, "User_ID,Age,Gender\n1,30,Female\n");

        var result = model.Job().Run(Options(temp, input));

        Assert.False(result.Completed);
        Assert.Contains("Occupation", result.FatalError, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "Mental_Health_Condition",
            result.FatalError,
            StringComparison.Ordinal
        );
        Assert.Equal(["in.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_InputWithoutOutcomeColumns_ScoresEveryRowAsWithThem()
    {
        using var temp = new BatchTempFolder();
        var records = BatchTestModel.Records(25, seed: 9);
        var withOutcome = temp.WriteInput("with.csv", records);
        var withoutLines = File.ReadAllLines(withOutcome)
            .Select(l => string.Join(',', l.Split(',').Where((_, i) => i is not (5 or 6))));
        var without = temp.File("without.csv");
        File.WriteAllLines(without, withoutLines);

        var a = model.Job().Run(Options(temp, withOutcome, "a.csv"));
        var b = model.Job().Run(Options(temp, without, "b.csv"));

        Assert.Equal(25, b.RowsScored);
        static IEnumerable<string> Scores(string path) =>
            File.ReadLines(path).Skip(1).Select(l => string.Join(',', l.Split(',').Skip(1)));
        Assert.Equal(Scores(a.OutputPath), Scores(b.OutputPath));
    }

    [Fact]
    public void Run_Folder_ReadsCsvFilesInNameOrderAndNeverItsOwnOutput()
    {
        using var temp = new BatchTempFolder();
        var inputs = Directory.CreateDirectory(temp.File("inputs")).FullName;
        temp.WriteInput(Path.Combine("inputs", "b.csv"), BatchTestModel.Records(10, seed: 10));
        temp.WriteInput(Path.Combine("inputs", "a.csv"), BatchTestModel.Records(5, seed: 11));
        File.WriteAllText(Path.Combine(inputs, "notes.txt"), "not an input");

        var options = Options(temp, inputs) with { Output = Path.Combine(inputs, "scores.csv") };
        var first = model.Job().Run(options);
        var second = model.Job().Run(options);

        Assert.Equal(["a.csv", "b.csv"], first.InputFiles.Select(Path.GetFileName));
        Assert.Equal(first.InputFiles, second.InputFiles);
        Assert.Equal(15, second.RowsScored);
        var sources = File.ReadLines(second.OutputPath).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Equal(
            [.. Enumerable.Repeat("a.csv", 5), .. Enumerable.Repeat("b.csv", 10)],
            sources
        );
    }

    [Fact]
    public void Run_UnclosedQuoteInLastRow_RejectsThatRowOnly()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(3, seed: 12));
        File.AppendAllText(input, "\"secret-value,30");

        var result = model.Job().Run(Options(temp, input));

        Assert.True(result.Completed);
        Assert.Equal(3, result.RowsScored);
        Assert.Equal(1, result.RowsRejected);
    }

    [Theory]
    [InlineData("output")]
    [InlineData("rejects")]
    public void Run_FolderWithOutputOrRejectsNamingAnInputFile_RefusesAndKeepsIt(string which)
    {
        using var temp = new BatchTempFolder();
        var inputs = Directory.CreateDirectory(temp.File("inputs")).FullName;
        var a = temp.WriteInput(
            Path.Combine("inputs", "a.csv"),
            BatchTestModel.Records(5, seed: 13)
        );
        temp.WriteInput(Path.Combine("inputs", "b.csv"), BatchTestModel.Records(5, seed: 14));
        var before = File.ReadAllBytes(a);
        var options = Options(temp, inputs);
        options = which == "output" ? options with { Output = a } : options with { Rejects = a };

        var error = Assert.Throws<ArgumentException>(() => model.Job().Run(options));

        Assert.StartsWith(
            which == "output" ? "The output must not" : "The rejects file must not",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Equal(before, File.ReadAllBytes(a));
    }

    [Theory]
    [InlineData(false, "The output must not be the input file.")]
    [InlineData(true, "The rejects file must not be the input file.")]
    public void Run_OutputOrRejectsIsTheInputFile_RefusesNamingWhich(bool rejects, string message)
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(5, seed: 17));
        var before = File.ReadAllBytes(input);
        var options = Options(temp, input);
        options = rejects ? options with { Rejects = input } : options with { Output = input };

        var error = Assert.Throws<ArgumentException>(() => model.Job().Run(options));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Theory]
    [InlineData(".partial")]
    [InlineData(".checkpoint.json")]
    [InlineData(".lock")]
    public void Run_RejectsNamingOneOfTheOutputsFiles_Refuses(string suffix)
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(5, seed: 15));
        var options = Options(temp, input);

        var error = Assert.Throws<ArgumentException>(() =>
            model.Job().Run(options with { Rejects = options.Output + suffix })
        );

        Assert.Contains("output's files", error.Message, StringComparison.Ordinal);
        Assert.Equal(["in.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_AnotherJobHoldsTheOutputsLock_RefusesAndWritesNothing()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(5, seed: 16));
        var options = Options(temp, input);
        File.WriteAllText(options.Output, "the first job's output\n");

        using (
            new FileStream(
                options.Output + ".lock",
                FileMode.OpenOrCreate,
                FileAccess.ReadWrite,
                FileShare.None
            )
        )
        {
            var error = Assert.Throws<InvalidOperationException>(() => model.Job().Run(options));
            Assert.Contains(
                "Another mhi batch is writing",
                error.Message,
                StringComparison.Ordinal
            );
        }

        Assert.Equal("the first job's output\n", File.ReadAllText(options.Output));
        Assert.False(File.Exists(options.Output + ".partial"));
        var result = model.Job().Run(options);
        Assert.True(result.Completed);
        Assert.False(File.Exists(options.Output + ".lock"));
    }

    [Fact]
    public void Run_AnotherJobHoldsTheRejectsLock_RefusesBeforeWritingAnything()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(5, seed: 18), BadLines);
        // Partition 1/2 of a job writing part-0.csv with the same rejects file is running.
        var options = Options(temp, input, "part-1.csv") with
        {
            Rejects = temp.File("rejects-all.csv"),
            Partition = new BatchPartition(1, 2),
        };
        File.WriteAllText(options.Rejects, "the first job's rejects\n");

        using (
            new FileStream(
                options.Rejects + ".lock",
                FileMode.OpenOrCreate,
                FileAccess.ReadWrite,
                FileShare.None
            )
        )
        {
            var error = Assert.Throws<InvalidOperationException>(() => model.Job().Run(options));
            Assert.Equal(
                $"Another mhi batch is writing the rejects file {options.Rejects} (its lock {options.Rejects}.lock is held); give each job its own --rejects, or wait for it to finish.",
                error.Message
            );
            Assert.Equal(
                ["in.csv", "rejects-all.csv", "rejects-all.csv.lock"],
                Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            );
        }

        Assert.Equal("the first job's rejects\n", File.ReadAllText(options.Rejects));
        var result = model.Job().Run(options);
        Assert.True(result.Completed);
        Assert.False(File.Exists(options.Rejects + ".lock"));
        Assert.False(File.Exists(options.Output + ".lock"));
    }
}
