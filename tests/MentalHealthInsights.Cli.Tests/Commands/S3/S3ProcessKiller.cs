using System.Diagnostics;
using System.Text.Json;

namespace MentalHealthInsights.Cli.Tests.Commands.S3;

/// <summary>
/// Starts the real <c>mhi</c> process with the given environment and kills it (SIGKILL) once a
/// batch checkpoint has committed enough rows, as <see cref="BatchProcessResumeTests"/> does for
/// local outputs.
/// </summary>
internal static class S3ProcessKiller
{
    /// <summary>Starts mhi, kills it once <paramref name="checkpoint"/> has committed at least <paramref name="rows"/> rows, returns the committed rows.</summary>
    public static async Task<long> KillAfterAsync(
        IReadOnlyDictionary<string, string> environment,
        string[] args,
        string checkpoint,
        long rows
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mhi.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A plain polling loop on this thread: an awaited delay can be late by seconds when the
        // thread pool is busy, and the job could finish in the meantime.
        while (!process.HasExited && Committed(checkpoint) < rows)
        {
            Thread.Sleep(2);
        }

        Assert.False(process.HasExited, "mhi finished before it could be killed");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);
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
