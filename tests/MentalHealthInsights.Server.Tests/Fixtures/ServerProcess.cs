using System.Diagnostics;
using MentalHealthInsights.TestSupport;

namespace MentalHealthInsights.Server.Tests.Fixtures;

/// <summary>
/// The real server as its own process on a free loopback port (a browser needs a socket):
/// <c>dotnet exec MentalHealthInsights.Server.dll</c> from this test's output, stopped by closing
/// its stdin (Hosting:StopWhenStdinCloses), as <c>mhi serve</c> does.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private ServerProcess(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>
    /// Starts the server on a probed free port and waits until it is ready; a server that exits
    /// first (another process took the port) is started again on a new one.
    /// </summary>
    public static Task<ServerProcess> StartAsync(string model, params string[] settings) =>
        LoopbackPorts.StartAsync(port => TryStartAsync(port, model, settings));

    private static async Task<ServerProcess?> TryStartAsync(
        int port,
        string model,
        string[] settings
    )
    {
        var folder = Path.Combine(
            Path.GetTempPath(),
            "mhi-server-process-" + Guid.NewGuid().ToString("N")
        );
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (
            var argument in (string[])
                [
                    "exec",
                    Path.Combine(AppContext.BaseDirectory, "MentalHealthInsights.Server.dll"),
                    "--urls",
                    $"http://127.0.0.1:{port}",
                    "--model",
                    model,
                    "--prediction-log",
                    Path.Combine(folder, "predictions.db"),
                    "--PredictionLog:PseudonymisationKey=" + ServerFactory.PseudonymisationKey,
                    "--RateLimiting:PermitLimit=0",
                    "--Hosting:StopWhenStdinCloses=true",
                    .. settings,
                ]
        )
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        // Drain the logs so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, folder, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = server.Address };
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                return null;
            }
            if (await ReadinessProbe.IsReadyAsync(client))
            {
                return server;
            }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException("The server was not ready within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
