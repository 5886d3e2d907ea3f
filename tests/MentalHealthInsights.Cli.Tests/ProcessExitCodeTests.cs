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

    /// <summary>
    /// A configuration the server refuses: exit code 2 and exactly one log line naming the
    /// problem — not the framework's "Hosting failed to start" error with a stack trace.
    /// </summary>
    [Fact]
    public async Task Mhi_ServeRefused_ExitsTwoWithOneLineAndNoStackTrace()
    {
        var line = await ServeRefusedAsync(
            "http://127.0.0.1:1",
            "--PredictionLog:PseudonymisationKey=short"
        );

        Assert.Contains("pseudonymisation key", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// The scheduler on with an unreadable pipelines settings file: refused before the host
    /// starts, like any other configuration problem — exit code 2 and one line, no stack trace.
    /// </summary>
    [Fact]
    public async Task Mhi_ServeSchedulerBadSettings_ExitsTwoWithOneLineAndNoStackTrace()
    {
        using var temp = new TempFolder();
        var settings = temp.File("pipelines.json");
        await File.WriteAllTextAsync(settings, "{ not json");

        var line = await ServeRefusedAsync(
            "http://127.0.0.1:1",
            "--PredictionLog:Enabled=false",
            "--scheduler",
            "--pipelines-config",
            settings
        );

        Assert.Contains("refuses to start: Scheduling:", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// A settings file that cannot be read is refused like any other configuration problem: the
    /// server reads its sources while the host is built, before a logger exists, and used to end
    /// with an unhandled exception (exit code 134, a stack trace). Now: exit code 2 and one line
    /// naming the file and, for JSON that does not parse, where it stops.
    /// </summary>
    [Theory]
    [InlineData("missing", "missing.json' was not found")]
    [InlineData("empty", "empty.json': The input does not contain any JSON tokens")]
    [InlineData("unclosed", "unclosed.json': Expected depth to be zero")]
    public async Task Mhi_ServeUnreadableConfigFile_ExitsTwoWithOneLineAndNoStackTrace(
        string kind,
        string expected
    )
    {
        using var temp = new TempFolder();
        var file = temp.File(kind + ".json");
        if (kind != "missing")
        {
            await File.WriteAllTextAsync(file, kind == "empty" ? "" : "{\"Serving\": {");
        }

        var line = await ServeRefusedAsync("http://127.0.0.1:1", "--config", file);

        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    /// <summary>
    /// A folder given as <c>--config</c> or <c>--pipelines-config</c>: refused the same way,
    /// saying it is a folder (both used to say the file was not found).
    /// </summary>
    [Theory]
    [InlineData("--config", "settings file {folder} (--config) is a folder, not a file")]
    [InlineData(
        "--pipelines-config",
        "Scheduling: pipelines settings file {folder} is a folder, not a file"
    )]
    public async Task Mhi_ServeFolderForSettingsFile_ExitsTwoSayingItIsAFolder(
        string flag,
        string expected
    )
    {
        using var temp = new TempFolder();
        var folder = temp.File("settings");
        Directory.CreateDirectory(folder);

        var line = await ServeRefusedAsync(
            "http://127.0.0.1:1",
            "--PredictionLog:Enabled=false",
            "--scheduler",
            flag,
            folder
        );

        Assert.Contains(
            "refuses to start: " + expected.Replace("{folder}", folder, StringComparison.Ordinal),
            line,
            StringComparison.Ordinal
        );
    }

    /// <summary>The working directory's appsettings.json (read by default) not being JSON: the same.</summary>
    [Fact]
    public async Task Mhi_ServeMalformedAppSettingsInWorkingDirectory_ExitsTwoWithOneLine()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("appsettings.json"), "{ Serving: 1 }");

        var line = await ServeRefusedInAsync(temp.Path, "http://127.0.0.1:1");

        Assert.Contains(
            "appsettings.json': 'S' is an invalid start of a property name",
            line,
            StringComparison.Ordinal
        );
    }

    /// <summary>
    /// A port another process listens on: refused before the host starts — exit code 2 and one
    /// line naming the address, not Kestrel's bind exception (exit code 134, a stack trace).
    /// </summary>
    [Fact]
    public async Task Mhi_ServePortInUse_ExitsTwoWithOneLineAndNoStackTrace()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)holder.LocalEndpoint).Port}";

        var line = await ServeRefusedAsync(url, "--PredictionLog:Enabled=false");

        Assert.Contains(
            $"Cannot listen on {url}: the port is already in use",
            line,
            StringComparison.Ordinal
        );
    }

    /// <summary>
    /// A server setting of the wrong type: refused like any other configuration problem — exit
    /// code 2 and one line naming the setting, not the configuration binder's exception.
    /// </summary>
    [Fact]
    public async Task Mhi_ServeSettingOfTheWrongType_ExitsTwoWithOneLineAndNoStackTrace()
    {
        var line = await ServeRefusedAsync(
            "http://127.0.0.1:0",
            "--PredictionLog:Enabled=false",
            "--RateLimiting:PermitLimit=abc"
        );

        Assert.Contains("RateLimiting:PermitLimit", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// An s3:// input with no AWS region or endpoint anywhere (environment, profile, instance
    /// metadata): a configuration error naming what to set, not an internal error.
    /// </summary>
    [Fact]
    public async Task Mhi_S3InputWithoutRegion_ExitsTwoNamingTheSettings()
    {
        using var temp = new TempFolder();
        var (exitCode, stdout, stderr) = await RunMhiAsync(
            new Dictionary<string, string?>
            {
                ["AWS_REGION"] = null,
                ["AWS_DEFAULT_REGION"] = null,
                ["AWS_ENDPOINT_URL"] = null,
                ["AWS_ENDPOINT_URL_S3"] = null,
                ["AWS_PROFILE"] = null,
                ["AWS_CONFIG_FILE"] = temp.File("no-config"),
                ["AWS_SHARED_CREDENTIALS_FILE"] = temp.File("no-credentials"),
                ["AWS_EC2_METADATA_DISABLED"] = "true",
            },
            "data",
            "validate",
            "--input",
            "s3://bucket/data.csv"
        );

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            "error: S3 is not configured: no AWS region was found.",
            line,
            StringComparison.Ordinal
        );
        Assert.Contains("AWS_REGION", line, StringComparison.Ordinal);
        Assert.Contains("AWS_ENDPOINT_URL", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mhi_NoCommand_ExitsOne()
    {
        var (exitCode, _, stderr) = await RunMhiAsync();

        Assert.Equal(1, exitCode);
        Assert.NotEmpty(stderr);
    }

    /// <summary>
    /// Two real processes train and register against the same local store at the same time:
    /// both finish, and their versions are distinct (1 and 2).
    /// </summary>
    [Fact]
    public async Task Mhi_TwoProcessesTrainingAtOnce_RegisterDistinctVersions()
    {
        using var temp = new TempFolder();
        await RunMhiAsync("data", "generate", "-n", "800", "-o", temp.File("d.csv"));
        var uri = "sqlite:///" + temp.File("mlruns.db");
        string[] Train(string output) =>
            [
                "train",
                "-i",
                temp.File("d.csv"),
                "-o",
                temp.File(output),
                "--models",
                "lr",
                "--folds",
                "3",
                "--search-budget",
                "1",
                "--bootstrap",
                "200",
                "--tracking-uri",
                uri,
                "--json",
            ];

        var results = await Task.WhenAll(RunMhiAsync(Train("a")), RunMhiAsync(Train("b")));

        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        var versions = results
            .Select(r =>
            {
                using var json = System.Text.Json.JsonDocument.Parse(r.Stdout);
                var version = json.RootElement.GetProperty("tracking").GetProperty("version");
                // On failure, show what the process said (why it did not register).
                Assert.True(
                    version.ValueKind == System.Text.Json.JsonValueKind.Number,
                    $"no version registered; stdout: {r.Stdout}\nstderr: {r.Stderr}"
                );
                return version.GetInt32();
            })
            .Order()
            .ToArray();
        Assert.Equal([1, 2], versions);
    }

    // `mhi serve` of a missing bundle on url with settings, which the server must refuse: exit
    // code 2 and exactly one line (its message returned), its refusal, without the framework's "Hosting
    // failed to start" or a stack trace.
    private static Task<string> ServeRefusedAsync(string url, params string[] settings) =>
        ServeRefusedInAsync(null, url, settings);

    private static async Task<string> ServeRefusedInAsync(
        string? workingDirectory,
        string url,
        params string[] settings
    )
    {
        var (exitCode, stdout, stderr) = await RunMhiInAsync(
            workingDirectory,
            new Dictionary<string, string?>(),
            [
                "serve",
                "--model",
                "/nonexistent/bundle",
                "--urls",
                url,
                "--server-path",
                Commands.ServeCommandTests.ServerPath,
                .. settings,
            ]
        );

        var lines = (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, exitCode);
        var line = Assert.Single(lines);
        Assert.Contains("refuses to start", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        // The line is JSON (quotes in it escaped); its message is what a reader sees.
        using var json = System.Text.Json.JsonDocument.Parse(line);
        return json.RootElement.GetProperty("Message").GetString()!;
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunMhiAsync(
        params string[] args
    ) => RunMhiAsync(new Dictionary<string, string?>(), args);

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunMhiAsync(
        IReadOnlyDictionary<string, string?> environment,
        params string[] args
    ) => RunMhiInAsync(null, environment, args);

    // environment: variables to set for the process; a null value removes the variable.
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunMhiInAsync(
        string? workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
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
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
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
