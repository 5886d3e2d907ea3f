using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MentalHealthInsights.Infrastructure.Tests.Terraform;

/// <summary>
/// Parses Terraform files with npm @cdktf/hcl2json through eng/node/hcl2json.cjs (no terraform
/// binary needed): one JSON object keyed by file name, blocks as arrays.
/// </summary>
internal static class Hcl2Json
{
    /// <summary>The parsed files, or the parser's message (file:line:col) on failure.</summary>
    public static async Task<(JsonObject? Files, string Error)> ParseAsync(
        IEnumerable<string> files
    )
    {
        var node = Path.Combine(S3rverFixture.RepositoryRoot(), "eng", "node");
        if (!Directory.Exists(Path.Combine(node, "node_modules", "@cdktf", "hcl2json")))
        {
            throw new InvalidOperationException(
                "@cdktf/hcl2json is not installed: run `bash eng/scripts/deps.sh test` (or `cd eng/node && npm ci`)."
            );
        }
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = node,
        };
        start.ArgumentList.Add(Path.Combine(node, "hcl2json.cjs"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? (JsonNode.Parse(await stdout)!.AsObject(), "")
            : (null, await stderr);
    }
}
