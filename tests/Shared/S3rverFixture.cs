using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.TestSupport;

/// <summary>
/// A real S3-compatible server (npm s3rver from eng/node) on 127.0.0.1 with a random port and a
/// temporary data folder, started once for the "S3rver" test collection and stopped (process
/// ended, folder deleted) afterwards. The launcher exits when its stdin closes, so the server
/// also dies if the test host is killed.
/// (Shared source: linked into the Infrastructure and Cli test projects from tests/Shared.)
/// </summary>
public sealed partial class S3rverFixture : IAsyncLifetime
{
    /// <summary>The bucket created at start-up.</summary>
    public const string Bucket = "mhi-test";

    private readonly string _dataDirectory = Path.Combine(
        Path.GetTempPath(),
        "mhi-s3rver-" + Guid.NewGuid().ToString("N")
    );
    private Process? _process;

    /// <summary>The server's endpoint, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A connection with the smallest part size S3 allows (5 MiB), so multipart is cheap to reach.</summary>
    public S3Connection Connection { get; private set; } = null!;

    /// <summary>The repository root (the folder holding MentalHealthInsights.slnx).</summary>
    public static string RepositoryRoot()
    {
        for (
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            dir is not null;
            dir = dir.Parent
        )
        {
            if (File.Exists(Path.Combine(dir.FullName, "MentalHealthInsights.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            "MentalHealthInsights.slnx not found above the test folder."
        );
    }

    /// <summary>A new connection to this server (credentials S3RVER/S3RVER) with <paramref name="partSize"/>.</summary>
    public S3Connection CreateConnection(int partSize = S3StorageOptions.MinimumPartSizeBytes)
    {
        var options = new S3StorageOptions { ServiceUrl = Endpoint, PartSizeBytes = partSize };
        return new S3Connection(
            options,
            new AmazonS3Client(
                new BasicAWSCredentials("S3RVER", "S3RVER"),
                S3Connection.CreateConfig(options)
            )
        );
    }

    /// <summary>
    /// The standard AWS variables that point an <c>mhi</c> process at this server (the way a
    /// user configures an S3-compatible store), with instance metadata lookups disabled.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = Endpoint.AbsoluteUri,
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };

    /// <summary>A fresh key prefix, so tests sharing the server never see each other's objects.</summary>
    public static string UniquePrefix(string name) => $"{name}-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        var node = Path.Combine(RepositoryRoot(), "eng", "node");
        var launcher = Path.Combine(node, "s3rver-launcher.cjs");
        if (!Directory.Exists(Path.Combine(node, "node_modules", "s3rver")))
        {
            throw new InvalidOperationException(
                "s3rver is not installed: run `bash eng/scripts/deps.sh test` (or `cd eng/node && npm ci`)."
            );
        }
        Directory.CreateDirectory(_dataDirectory);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = node,
        };
        foreach (var argument in new[] { launcher, _dataDirectory, "0", Bucket })
        {
            start.ArgumentList.Add(argument);
        }
        var port = new TaskCompletionSource<int>(
            TaskCreationOptions.RunContinuationsAsynchronously
        );
        _process =
            Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ListeningLine().Match(line) is { Success: true } match)
            {
                port.TrySetResult(
                    int.Parse(
                        match.Groups[1].Value,
                        System.Globalization.CultureInfo.InvariantCulture
                    )
                );
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                port.TrySetException(new InvalidOperationException("s3rver: " + e.Data));
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var listening = await port.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Endpoint = new Uri($"http://127.0.0.1:{listening}/");
        Connection = CreateConnection();
    }

    public async Task DisposeAsync()
    {
        Connection?.Dispose();
        if (_process is { } process)
        {
            try
            {
                process.StandardInput.Close();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
            process.Dispose();
        }
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [GeneratedRegex(@"listening [\d.]+:(\d+)")]
    private static partial Regex ListeningLine();
}
