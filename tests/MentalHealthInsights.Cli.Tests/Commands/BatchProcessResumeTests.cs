using System.Diagnostics;
using System.Text.Json;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>
/// The real <c>mhi</c> process is killed (SIGKILL) in the middle of a batch job, twice, and then
/// resumed: the output and rejects must equal an uninterrupted run's byte for byte.
/// </summary>
public sealed class BatchProcessResumeTests(BatchCommandFixture fixture)
    : IClassFixture<BatchCommandFixture>
{
    private const string Key = "process-test-key-0123456789";

    [Fact]
    public async Task Batch_KilledTwiceAndResumed_OutputIdenticalToUninterruptedRun()
    {
        using var temp = new TempFolder();
        var input = temp.File("big.csv");
        var generated = await CliHarness.RunAsync("data", "generate", "-n", "200000", "-o", input);
        Assert.Equal(0, generated.ExitCode);
        File.AppendAllText(
            input,
            "bad-1,abc,Female,IT,UK,No,None,No,Low,7,40,2\n=2,30,Female,IT,UK\n"
        );
        string[] Args(string output) =>
            [
                "batch",
                "-i",
                input,
                "-o",
                temp.File(output),
                "-m",
                fixture.Bundle,
                "--scored-at",
                "2026-11-30T00:00:00Z",
                "--chunk-rows",
                "2000",
            ];

        var reference = await RunToEndAsync(Args("reference.csv"));
        Assert.Equal(0, reference);

        var checkpoint = temp.File("out.csv.checkpoint.json");
        var first = await KillAfterAsync(Args("out.csv"), checkpoint, 6000);
        Assert.False(
            File.Exists(temp.File("out.csv")),
            "the first attempt finished before the kill"
        );
        var second = await KillAfterAsync(
            [.. Args("out.csv"), "--resume"],
            checkpoint,
            first + 6000
        );
        Assert.True(second > first);
        var last = await RunToEndAsync([.. Args("out.csv"), "--resume"]);

        Assert.Equal(0, last);
        Assert.False(File.Exists(checkpoint));
        Assert.Equal(
            File.ReadAllBytes(temp.File("reference.csv")),
            File.ReadAllBytes(temp.File("out.csv"))
        );
        Assert.Equal(
            File.ReadAllBytes(temp.File("reference.rejects.csv")),
            File.ReadAllBytes(temp.File("out.rejects.csv"))
        );
        Assert.Equal(200_001, File.ReadLines(temp.File("out.csv")).Count());
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MHI_PSEUDONYMISATION_KEY"] = Key;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mhi.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task<int> RunToEndAsync(string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);
        Assert.True(process.ExitCode == 0, await stderr);
        return process.ExitCode;
    }

    /// <summary>Starts mhi, kills it once the checkpoint has committed at least <paramref name="rows"/> rows, returns the committed rows.</summary>
    private static async Task<long> KillAfterAsync(string[] args, string checkpoint, long rows)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A plain polling loop on this thread: an awaited delay can be late by seconds when the
        // thread pool is busy, and the job could finish in the meantime.
        while (!process.HasExited && Committed(checkpoint) < rows)
        {
            Thread.Sleep(2);
        }

        // (No awaiting stderr in the message: that would wait for the process to end.)
        Assert.False(process.HasExited, "mhi finished before it could be killed");
        var atKill = Committed(checkpoint);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);
        Assert.True(
            !File.Exists(checkpoint.Replace(".checkpoint.json", "", StringComparison.Ordinal)),
            $"the output exists after the kill at {atKill} rows; exit {process.ExitCode}; {await stdout} {await stderr}"
        );
        return Committed(checkpoint);
    }

    private static long Committed(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            return json.RootElement.GetProperty("rowsConsumed").GetInt64();
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
