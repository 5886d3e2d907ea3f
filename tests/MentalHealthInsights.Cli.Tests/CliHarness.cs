using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Tests;

/// <summary>Runs real `mhi` command lines in-process and captures stdout, stderr and the exit code.</summary>
internal static class CliHarness
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MhiCommandLine.InvokeAsync(
            args,
            CliEnvironment.Plain,
            new InvocationConfiguration { Output = output, Error = error }
        );
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Generates 600 rows (seed 4) and trains a small untracked lr model on them
    /// (2 folds, no search, 100 bootstrap resamples); returns the lr bundle folder.
    /// </summary>
    public static async Task<string> TrainSmallLrBundleAsync(TempFolder temp)
    {
        await RunAsync("data", "generate", "-n", "600", "--seed", "4", "-o", temp.File("d.csv"));
        var train = await RunAsync(
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("train"),
            "--models",
            "lr",
            "--folds",
            "2",
            "--search-budget",
            "1",
            "--bootstrap",
            "100",
            "--no-track"
        );
        Assert.Equal(0, train.ExitCode);
        return Directory
            .GetDirectories(temp.File("train"), "lr", SearchOption.AllDirectories)
            .Single();
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "mhi-cli-tests-" + Guid.NewGuid().ToString("N")
        );
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // The CLI runs in-process: release the pooled connections of the stores it opened here.
        SqliteFiles.Release(Path);
        Directory.Delete(Path, recursive: true);
    }
}
