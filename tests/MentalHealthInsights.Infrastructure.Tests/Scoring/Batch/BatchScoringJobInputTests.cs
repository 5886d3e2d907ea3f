using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

/// <summary>Inputs that are not what they seem: unclosed quotes, other separators, empty files.</summary>
public sealed class BatchScoringJobInputTests(BatchTestModel model) : IClassFixture<BatchTestModel>
{
    private static BatchScoringOptions Options(BatchTempFolder temp, string input) =>
        BatchTestModel.PinnedOptions(
            input,
            temp.File("out.csv"),
            rawIds: true,
            chunkRows: 64,
            threads: 2
        );

    [Fact]
    public void Run_UnclosedQuoteNearTheTop_StopsNamingTheLineInsteadOfRejectingTheRestAsOneRow()
    {
        using var temp = new BatchTempFolder();
        // 20,000 rows of about 60 characters: the rest of the file is over 1,048,576 characters
        // but under Sep's own 16,777,216, so before the fix it became one rejected row.
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(20_000, seed: 50));
        var lines = File.ReadAllLines(input);
        var fields = lines[5].Split(',');
        fields[3] = "\"Fin";
        lines[5] = string.Join(',', fields);
        File.WriteAllLines(input, lines);

        var error = Assert.Throws<InvalidDataException>(() =>
            model.Job().Run(Options(temp, input))
        );

        Assert.StartsWith(
            "in.csv: reading stopped at line 6: the row starting there is longer than 1,048,576 characters",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.False(File.Exists(temp.File("out.csv")));
        Assert.False(File.Exists(temp.File("out.rejects.csv")));
        Assert.True(File.Exists(temp.File("out.csv.checkpoint.json")));
    }

    [Theory]
    [InlineData(';', "semicolons (;)")]
    [InlineData('\t', "tabs")]
    public void Run_InputSeparatedByAnotherCharacter_SaysSoAsDataValidateDoes(
        char separator,
        string name
    )
    {
        using var temp = new BatchTempFolder();
        var commas = temp.WriteInput("commas.csv", BatchTestModel.Records(3, seed: 52));
        var input = temp.File("in.csv");
        File.WriteAllLines(input, File.ReadLines(commas).Select(l => l.Replace(',', separator)));

        var result = model.Job().Run(Options(temp, input));
        var validate = Infrastructure.Data.DatasetLoader.Load(input);

        Assert.False(result.Completed);
        Assert.Equal(
            $"in.csv: The file is not comma-separated: its header line is separated by {name}. Save it as CSV with commas between fields.",
            result.FatalError
        );
        Assert.Equal(validate.Report.FatalError, result.FatalError!["in.csv: ".Length..]);
    }

    [Fact]
    public void Run_FolderWithAnEarlierJobsResultsAndAnEmptyFile_SkipsThemWithNotices()
    {
        using var temp = new BatchTempFolder();
        var inputs = Directory.CreateDirectory(temp.File("in")).FullName;
        temp.WriteInput(Path.Combine("in", "a.csv"), BatchTestModel.Records(5, seed: 53));
        var earlier = model
            .Job()
            .Run(Options(temp, inputs) with { Output = Path.Combine(inputs, "out.csv") });
        Assert.True(earlier.Completed, earlier.FatalError);
        File.WriteAllText(Path.Combine(inputs, "empty.csv"), "");

        var result = model.Job().Run(Options(temp, inputs));

        Assert.True(result.Completed, result.FatalError);
        Assert.Equal(["a.csv"], result.InputFiles.Select(Path.GetFileName));
        Assert.Equal(5, result.RowsScored);
        Assert.Equal(
            [
                "Skipped empty.csv: the file is empty (no header row).",
                "Skipped out.csv: it is an mhi batch output or rejects file (its first line is the header mhi batch writes), not an input.",
                "Skipped out.rejects.csv: it is an mhi batch output or rejects file (its first line is the header mhi batch writes), not an input.",
            ],
            result.Notices
        );
    }

    [Fact]
    public void Run_AnEarlierJobsOutputAsTheInputFile_SaysWhatItIs()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(5, seed: 54));
        var earlier = model.Job().Run(Options(temp, input));

        var result = model
            .Job()
            .Run(Options(temp, earlier.OutputPath) with { Output = temp.File("again.csv") });

        Assert.False(result.Completed);
        Assert.Equal(
            "out.csv: It is an mhi batch output or rejects file (its header is the one mhi batch writes), not an input to score.",
            result.FatalError
        );
    }
}
