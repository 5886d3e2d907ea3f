namespace MentalHealthInsights.Cli.Tests.Hosting;

/// <summary>
/// Every count that is held in memory or handed to the operating system has an upper bound: a
/// value above it is a usage error (exit 1) naming the range, never an out-of-memory exit 3.
/// </summary>
public sealed class NumericOptionBoundsTests
{
    [Theory]
    [InlineData("batch --chunk-rows 2000000000", "--chunk-rows must be between 1 and 1,000,000.")]
    [InlineData("batch --threads 2000000000", "--threads must be between 1 and 1,024.")]
    [InlineData("train --threads 1025", "--threads must be between 1 and 1,024.")]
    [InlineData("train --bootstrap 2000000000", "--bootstrap must be between 100 and 100,000.")]
    [InlineData("train --search-budget 1001", "--search-budget must be between 1 and 1,000.")]
    [InlineData("run --search-budget 1001", "--search-budget must be between 1 and 1,000.")]
    [InlineData("runs list --limit 50001", "--limit must be between 1 and 50,000.")]
    [InlineData("alerts list --limit 10001", "--limit must be between 1 and 10,000.")]
    public async Task Between_ValueAboveTheMaximum_ExitsOneNamingTheRange(
        string commandLine,
        string message
    )
    {
        using var temp = new TempFolder();
        string[] required =
            commandLine.StartsWith("batch", StringComparison.Ordinal)
                ? ["-i", temp.File("in.csv"), "-o", temp.File("out.csv"), "--raw-ids"]
            : commandLine.StartsWith("train", StringComparison.Ordinal)
                ? ["-i", temp.File("in.csv"), "-o", temp.File("out")]
            : commandLine.StartsWith("run ", StringComparison.Ordinal) ? ["-o", temp.File("out")]
            : [];

        var result = await CliHarness.RunAsync([.. commandLine.Split(' '), .. required]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Batch_ChunkRowsTimesThreadsAboveTheBound_ExitsOneBeforeLoadingTheModel()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "batch",
            "-i",
            temp.File("in.csv"),
            "-o",
            temp.File("out.csv"),
            "-m",
            temp.File("no-such-bundle"),
            "--raw-ids",
            "--chunk-rows",
            "1000000",
            "--threads",
            "1024"
        );

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(
            "(2 × threads + 2) × chunk rows = 2,050,000,000 rows in memory at once, more than 16,777,216; lower --chunk-rows or --threads.",
            result.Error,
            StringComparison.Ordinal
        );
    }
}
