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

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
