using System.Text.Json;
using MentalHealthInsights.Cli.Commands;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class BatchCommandTests(BatchCommandFixture fixture)
    : IClassFixture<BatchCommandFixture>
{
    [Fact]
    public async Task Batch_RegistryChampion_ScoresEveryRowWithTheVersionAndReconciledCounts()
    {
        using var temp = new TempFolder();
        var input = temp.File("in.csv");
        File.Copy(fixture.Data, input);
        File.AppendAllText(input, "x1,abc,Female,IT,UK,No,None,No,Low,7,40,2\n");

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            input,
            "-o",
            temp.File("out.csv"),
            "--tracking-uri",
            fixture.TrackingUri,
            "--raw-ids",
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(901, root.GetProperty("rowsRead").GetInt64());
        Assert.Equal(900, root.GetProperty("rowsScored").GetInt64());
        Assert.Equal(1, root.GetProperty("rowsRejected").GetInt64());
        Assert.Equal("1", root.GetProperty("model").GetProperty("version").GetString());
        Assert.Equal(
            "mental-health-classifier",
            root.GetProperty("model").GetProperty("name").GetString()
        );
        Assert.Equal(901, File.ReadLines(temp.File("out.csv")).Count());
        Assert.Equal(2, File.ReadLines(temp.File("out.rejects.csv")).Count());
        Assert.Contains("not a diagnosis", root.GetProperty("note").GetString());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Batch_JsonWithFilesSkippedAndNothingScored_WarningsAsOnStderr()
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(temp.File("in")).FullName;
        File.WriteAllText(Path.Combine(folder, "a.csv"), File.ReadLines(fixture.Data).First());
        File.WriteAllText(Path.Combine(folder, "empty.csv"), "");

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            folder,
            "-o",
            temp.File("out.csv"),
            "-m",
            fixture.Bundle,
            "--raw-ids",
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        string[] warnings =
        [
            "Skipped empty.csv: the file is empty (no header row).",
            "The file has a header but no data rows: nothing was scored.",
        ];
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(
            warnings,
            json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString())
        );
        // The same texts as stderr's note: and warning: lines, in the same order.
        Assert.Equal(
            ["note: " + warnings[0], "warning: " + warnings[1]],
            result
                .Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(l =>
                    l.StartsWith("note: ", StringComparison.Ordinal)
                    || l.StartsWith("warning: ", StringComparison.Ordinal)
                )
        );
    }

    [Fact]
    public async Task Batch_UnclosedQuoteSwallowingOver1MB_DataValidateStopsAtTheSameLineInTheSameWords()
    {
        using var temp = new TempFolder();
        var input = temp.File("in.csv");
        var lines = File.ReadLines(fixture.Data).Take(3).ToList();
        // A quote never closed on line 4 swallows about 1.2 million characters: under Sep's own
        // limit (16,777,216), over the record limit.
        lines.Add("\"q4,30,Female,IT,UK,No,None,No,Low,7,40,2");
        lines.AddRange(Enumerable.Repeat(File.ReadLines(fixture.Data).ElementAt(1), 25_000));
        File.WriteAllLines(input, lines);

        var batch = await CliHarness.RunAsync(
            "batch",
            "-i",
            input,
            "-o",
            temp.File("out.csv"),
            "-m",
            fixture.Bundle,
            "--raw-ids"
        );
        var validate = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            input,
            "--rejects",
            temp.File("v.csv")
        );

        Assert.Equal(2, batch.ExitCode);
        Assert.Equal(2, validate.ExitCode);
        const string Stop =
            "eading stopped at line 4: the row starting there is longer than 1,048,576 characters, usually because a quote (\") is never closed.";
        Assert.Contains("error: in.csv: r" + Stop, batch.Error, StringComparison.Ordinal);
        Assert.Contains(
            "error: R" + Stop + " Rows before it were validated.\n",
            validate.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Batch_BundlePath_PrintsSummaryWithCounts()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            fixture.Data,
            "-o",
            temp.File("out.csv"),
            "-m",
            fixture.Bundle,
            "--raw-ids",
            "--partition",
            "1/2"
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("read 900 = scored 450 + rejected 0 + other partitions 450", result.Output);
        Assert.Contains("Scored 450 rows with", result.Output);
        Assert.Contains("A screening aid, not a diagnosis.", result.Output);
        // 900 rows in well under a second: the time, not a start-up-dominated "rate".
        Assert.Matches(@"this attempt took \d+\.\d\d s", result.Output);
        Assert.DoesNotContain("rows/s", result.Output);
    }

    [Theory]
    [InlineData(1, "Scored 1 row with m (7) → out.csv")]
    [InlineData(2, "Scored 2 rows with m (7) → out.csv")]
    [InlineData(0, "Scored 0 rows with m (7) → out.csv")]
    public void Render_CountsRowsInTheRightNumber(long scored, string firstLine)
    {
        var text = BatchCommand.Render(
            new()
            {
                InputFiles = ["in.csv"],
                OutputPath = "out.csv",
                RejectsPath = "out.rejects.csv",
                RowsRead = scored,
                RowsScored = scored,
                Model = new("m", "7", "sha", 0.5),
                Elapsed = TimeSpan.FromMilliseconds(80),
            }
        );

        Assert.Equal(firstLine, text.Split('\n')[0]);
        Assert.Contains("  this attempt took 0.08 s\n", text);
    }

    [Theory]
    [InlineData(3, 90, "this attempt took 0.09 s")]
    [InlineData(9_999, 999, "this attempt took 1.00 s")]
    [InlineData(9_999, 1_000, "9,999 rows/s this attempt (1.00 s)")]
    [InlineData(10_000, 500, "20,000 rows/s this attempt (0.50 s)")]
    [InlineData(1_000_000, 1_250, "800,000 rows/s this attempt (1.25 s)")]
    [InlineData(0, 0, "this attempt took 0.00 s")]
    [InlineData(10_000, 0, "this attempt took 0.00 s")]
    public void Pace_GivesARateOnlyForASecondOr10000Rows(
        long rows,
        int milliseconds,
        string expected
    )
    {
        Assert.Equal(expected, BatchCommand.Pace(rows, TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public async Task Batch_RepeatedUserId_RejectedUnlessAllowed(bool allow, long rejected)
    {
        using var temp = new TempFolder();
        var input = temp.File("in.csv");
        var lines = File.ReadLines(fixture.Data).Take(3).ToList();
        lines.Add(lines[1]);
        File.WriteAllLines(input, lines);
        string[] args =
        [
            "batch",
            "-i",
            input,
            "-o",
            temp.File("out.csv"),
            "-m",
            fixture.Bundle,
            "--raw-ids",
            "--json",
        ];

        var result = await CliHarness.RunAsync(allow ? [.. args, "--allow-duplicate-ids"] : args);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(3, json.RootElement.GetProperty("rowsRead").GetInt64());
        Assert.Equal(rejected, json.RootElement.GetProperty("rowsRejected").GetInt64());
        Assert.Equal(3 - rejected, json.RootElement.GetProperty("rowsScored").GetInt64());
    }

    [Fact]
    public async Task Batch_NoKeyAndNoRawIds_ExitsOneNamingTheVariable()
    {
        Assert.Null(Environment.GetEnvironmentVariable("MHI_PSEUDONYMISATION_KEY"));
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            fixture.Data,
            "-o",
            temp.File("out.csv"),
            "-m",
            fixture.Bundle
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MHI_PSEUDONYMISATION_KEY", result.Error);
        Assert.Contains("--raw-ids", result.Error);
        Assert.False(File.Exists(temp.File("out.csv.partial")));
    }

    [Theory]
    [InlineData("2/2")]
    [InlineData("x")]
    public async Task Batch_BadPartition_ExitsOne(string partition)
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            fixture.Data,
            "-o",
            temp.File("out.csv"),
            "-m",
            fixture.Bundle,
            "--raw-ids",
            "--partition",
            partition
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--partition", result.Error);
    }

    [Fact]
    public async Task Batch_MissingColumns_ProgressStopsShortOf100Percent()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("in.csv"), "User_ID,Age\n1,30\n");
        string[] args = ["batch", "-o", temp.File("out.csv"), "-m", fixture.Bundle, "--raw-ids"];

        var failed = await CliHarness.RunAsync([.. args, "-i", temp.File("in.csv")]);
        var completed = await CliHarness.RunAsync([.. args, "-i", fixture.Data]);

        Assert.Equal(2, failed.ExitCode);
        Assert.DoesNotContain("batch: 100%", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, completed.ExitCode);
        Assert.Contains("batch: 100%", completed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_MissingColumns_ExitsTwoNamingThem()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("in.csv"), "User_ID,Age\n1,30\n");

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            temp.File("in.csv"),
            "-o",
            temp.File("out.csv"),
            "-m",
            fixture.Bundle,
            "--raw-ids"
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Missing required column(s): Gender", result.Error);
    }

    [Theory]
    [InlineData("", "warning: The file has a header but no data rows: nothing was scored.")]
    [InlineData(
        "x1,abc,Female,IT,UK,No,None,No,Low,7,40,2\nx2,abc,Female,IT,UK,No,None,No,Low,7,40,2\n",
        "warning: Every row was rejected (2): nothing was scored. The reasons are in "
    )]
    public async Task Batch_NothingToScore_ExitsZeroWithAWarning(string rows, string warning)
    {
        using var temp = new TempFolder();
        var input = temp.File("in.csv");
        File.WriteAllText(input, File.ReadLines(fixture.Data).First() + "\n" + rows);

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            input,
            "-o",
            temp.File("out.csv"),
            "-m",
            fixture.Bundle,
            "--raw-ids"
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(warning, result.Error, StringComparison.Ordinal);
        Assert.Contains("Scored 0 rows", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_UnknownRegisteredModel_ExitsTwo()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            fixture.Data,
            "-o",
            temp.File("out.csv"),
            "-m",
            "models:/no-such-model@champion",
            "--tracking-uri",
            fixture.TrackingUri,
            "--raw-ids"
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Single(
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => l.StartsWith("error:", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Batch_SameOutputAsARunningJob_ExitsTwoAndLeavesItsOutput()
    {
        using var temp = new TempFolder();
        var output = temp.File("out.csv");
        File.WriteAllText(output, "the running job's output\n");
        CliResult result;
        using (
            new FileStream(
                output + ".lock",
                FileMode.OpenOrCreate,
                FileAccess.ReadWrite,
                FileShare.None
            )
        )
        {
            result = await CliHarness.RunAsync(
                "batch",
                "-i",
                fixture.Data,
                "-o",
                output,
                "-m",
                fixture.Bundle,
                "--raw-ids"
            );
        }

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Another mhi batch is writing {output}", result.Error);
        Assert.Equal("the running job's output\n", File.ReadAllText(output));
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task Batch_LockFileCannotBeOpened_ExitsTwoNamingTheRealProblemNotAnotherJob()
    {
        using var temp = new TempFolder();
        var output = temp.File("out.csv");
        // A link to itself: opening it fails with ELOOP, an I/O error that is no lock conflict.
        File.CreateSymbolicLink(output + ".lock", output + ".lock");

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            fixture.Data,
            "-o",
            output,
            "-m",
            fixture.Bundle,
            "--raw-ids"
        );

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("Another mhi batch", result.Error, StringComparison.Ordinal);
        Assert.Contains("symbolic links", result.Error, StringComparison.Ordinal);
        Assert.Contains(output + ".lock", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task Rejects_FormulaLikeRows_ValidateAndBatchWriteTheSameReversibleOriginal()
    {
        using var temp = new TempFolder();
        var input = temp.File("in.csv");
        string[] rows =
        [
            "=1+1,abc,Male,IT,UK,No,,No,Low,7,40,2",
            "'x,abc,Male,IT,UK,No,,No,Low,7,40,2",
        ];
        File.WriteAllLines(input, [File.ReadLines(fixture.Data).First(), .. rows]);

        var validate = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            input,
            "--rejects",
            temp.File("validate.rejects.csv")
        );
        var batch = await CliHarness.RunAsync(
            "batch",
            "-i",
            input,
            "-o",
            temp.File("out.csv"),
            "-m",
            fixture.Bundle,
            "--raw-ids"
        );

        Assert.Equal(0, validate.ExitCode);
        Assert.Equal(0, batch.ExitCode);
        string[] expected =
        [
            "2,UnparsableNumber,Age,\"'=1+1,abc,Male,IT,UK,No,,No,Low,7,40,2\"",
            "3,UnparsableNumber,Age,\"''x,abc,Male,IT,UK,No,,No,Low,7,40,2\"",
        ];
        Assert.Equal(expected, File.ReadLines(temp.File("validate.rejects.csv")).Skip(1));
        Assert.Equal(
            expected.Select(line => "in.csv," + line),
            File.ReadLines(temp.File("out.rejects.csv")).Skip(1)
        );
        // The documented way back: the field without its quotes and one leading apostrophe.
        Assert.Equal(rows, expected.Select(line => line[(line.IndexOf('"') + 2)..^1]));
    }

    [Fact]
    public async Task Batch_OutputIsTheInput_ExitsOneWithTheMessageAlone()
    {
        using var temp = new TempFolder();
        var input = temp.File("in.csv");
        File.Copy(fixture.Data, input);

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            input,
            "-o",
            input,
            "-m",
            fixture.Bundle,
            "--raw-ids"
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "error: The output must not be the input file.\n",
            result.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Batch_FolderHoldingAnEarlierJobsOutput_SkipsItWithANote()
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(temp.File("f1")).FullName;
        File.Copy(fixture.Data, Path.Combine(folder, "a.csv"));
        string[] common = ["-m", fixture.Bundle, "--raw-ids"];

        var first = await CliHarness.RunAsync([
            "batch",
            "-i",
            folder,
            "-o",
            Path.Combine(folder, "out.csv"),
            .. common,
        ]);
        var second = await CliHarness.RunAsync([
            "batch",
            "-i",
            folder,
            "-o",
            temp.File("elsewhere.csv"),
            .. common,
        ]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains(
            "note: Skipped out.csv: it is an mhi batch output or rejects file",
            second.Error,
            StringComparison.Ordinal
        );
        Assert.Contains("note: Skipped out.rejects.csv:", second.Error, StringComparison.Ordinal);
        Assert.Contains("read 900 = scored 900", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_FolderInputWithRejectsNamingOneOfItsFiles_ExitsOneAndKeepsIt()
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(temp.File("in")).FullName;
        File.Copy(fixture.Data, Path.Combine(folder, "a.csv"));
        File.Copy(fixture.Data, Path.Combine(folder, "b.csv"));

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            folder,
            "-o",
            temp.File("out.csv"),
            "--rejects",
            Path.Combine(folder, "a.csv"),
            "-m",
            fixture.Bundle,
            "--raw-ids"
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("must not be the input file", result.Error);
        Assert.DoesNotContain("(Parameter", result.Error, StringComparison.Ordinal);
        Assert.Equal(
            File.ReadAllBytes(fixture.Data),
            File.ReadAllBytes(Path.Combine(folder, "a.csv"))
        );
    }

    [Theory]
    [InlineData("-o")]
    [InlineData("--rejects")]
    public async Task Batch_OutputOrRejectsIsAFolder_ExitsOneBeforeReadingNamingTheOption(
        string option
    )
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(temp.File("taken.csv")).FullName;
        string[] paths =
            option == "-o" ? ["-o", folder] : ["-o", temp.File("out.csv"), "--rejects", folder];

        var result = await CliHarness.RunAsync([
            "batch",
            "-i",
            fixture.Data,
            .. paths,
            "-m",
            fixture.Bundle,
            "--raw-ids",
        ]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            $"error: {(option == "-o" ? "--output" : "--rejects")} {folder} is a folder",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("batch:", result.Error, StringComparison.Ordinal);
        Assert.Equal([folder], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("-i", "--input")]
    [InlineData("-o", "--output")]
    [InlineData("--rejects", "--rejects")]
    public async Task Batch_EmptyPathOption_ExitsOneNamingIt(string option, string name)
    {
        using var temp = new TempFolder();
        var args = new Dictionary<string, string>
        {
            ["-i"] = fixture.Data,
            ["-o"] = temp.File("out.csv"),
            ["--rejects"] = temp.File("rejects.csv"),
        };
        args[option] = "";

        var result = await CliHarness.RunAsync([
            "batch",
            .. args.SelectMany(a => new[] { a.Key, a.Value }),
            "-m",
            fixture.Bundle,
            "--raw-ids",
        ]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: {name} is empty", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("The value cannot be", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_OutputInAFolderThatTakesNoFiles_RefusedUpFrontSayingSoPlainly()
    {
        var output = $"/proc/mhi-batch-test-{Guid.NewGuid():N}.csv";
        if (!Directory.Exists("/proc"))
        {
            return; // Linux only: /proc takes no new files.
        }

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            fixture.Data,
            "-o",
            output,
            "-m",
            fixture.Bundle,
            "--raw-ids"
        );

        // The command checks the output's folder before the model is loaded (exit 1, a bad
        // option value); the job's own lock-file message (exit 2) is for a folder that stops
        // taking files later (BatchScoringJobPathTests).
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"error: --output {output} cannot be written: the folder /proc does not accept new files.",
            result.Error.Trim()
        );
    }
}
