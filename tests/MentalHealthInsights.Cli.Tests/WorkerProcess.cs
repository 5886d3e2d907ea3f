using System.Collections.Concurrent;
using System.Diagnostics;

namespace MentalHealthInsights.Cli.Tests;

/// <summary>A real <c>mhi worker</c> process from this test's output, its lines collected.</summary>
internal static class WorkerProcess
{
    /// <summary>
    /// Starts <c>mhi worker --config CONFIG --instance-id ID [EXTRA…]</c>. Each stdout line is
    /// queued as <c>LINE [ID]</c>, each stderr line as <c>stderr ID: LINE</c>. The caller kills it.
    /// </summary>
    public static Process Start(
        string config,
        string id,
        ConcurrentQueue<string> lines,
        params string[] extra
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var arg in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "mhi.dll"),
                "worker",
                "--config",
                config,
                "--instance-id",
                id,
            }.Concat(extra)
        )
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data + " [" + id + "]");
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue("stderr " + id + ": " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
