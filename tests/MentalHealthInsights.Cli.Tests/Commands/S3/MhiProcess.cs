using System.Diagnostics;

namespace MentalHealthInsights.Cli.Tests.Commands.S3;

/// <summary>
/// Runs the real <c>mhi</c> executable with extra environment variables (the AWS settings a
/// user would export), in a given working folder, so s3:// paths are resolved exactly as in
/// production and no variable leaks into other tests of this process.
/// </summary>
internal static class MhiProcess
{
    // Variables of the developer's shell that would change what the commands do.
    private static readonly string[] Cleared =
    [
        "MLFLOW_TRACKING_URI",
        "MLFLOW_REGISTRY_URI",
        "MHI_ARTIFACT_URI",
        "AWS_PROFILE",
        "AWS_ENDPOINT_URL_S3",
        "AWS_SESSION_TOKEN",
    ];

    public static async Task<CliResult> RunAsync(
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        params string[] args
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mhi.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in Cleared)
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
