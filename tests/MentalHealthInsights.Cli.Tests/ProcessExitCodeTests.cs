using System.Diagnostics;

namespace MentalHealthInsights.Cli.Tests;

/// <summary>The real executable, as a user or a script runs it: exit codes and stderr.</summary>
public sealed class ProcessExitCodeTests
{
    [Fact]
    public async Task Mhi_MissingInput_ExitsTwoWithOneLineOnStderr()
    {
        using var temp = new TempFolder();
        var (exitCode, stdout, stderr) = await RunMhiAsync(
            "data",
            "validate",
            "--input",
            temp.File("missing.csv")
        );

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Mhi_NoCommand_ExitsOne()
    {
        var (exitCode, _, stderr) = await RunMhiAsync();

        Assert.Equal(1, exitCode);
        Assert.NotEmpty(stderr);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunMhiAsync(
        params string[] args
    )
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "mhi.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
