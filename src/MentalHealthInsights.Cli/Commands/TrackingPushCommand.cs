using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Tracking.Push;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi tracking push --to URI</c>: copies local runs (with their artifacts) and the registry to
/// another store, typically an MLflow server; pushing again copies nothing twice. Exit 0 when
/// everything was copied or already present, 2 when some runs, versions or aliases failed.
/// </summary>
internal static class TrackingPushCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var to = new Option<string>("--to")
        {
            Description = "Target store: http(s)://MLFLOW-SERVER, sqlite:///PATH or a path",
            Required = true,
        };
        var from = new Option<string?>("--from")
        {
            Description = "Source store (default: MLFLOW_TRACKING_URI, else ./mlruns.db)",
        };
        var experiment = new Option<string[]>("--experiment")
        {
            Description = "Push only this experiment (repeatable; default: all)",
            DefaultValueFactory = _ => [],
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Count what would be copied; write nothing",
        };
        var json = CommonOptions.Json();
        var command = new Command(
            "push",
            "Copy runs, their artifacts and the model registry to another tracking store (idempotent)"
        )
        {
            to,
            from,
            experiment,
            dryRun,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var toUri = parseResult.GetRequiredValue(to);
                    // An empty location would mean the default ./mlruns.db: say what is meant.
                    foreach (
                        var (name, value) in new[]
                        {
                            ("--to", toUri),
                            ("--from", parseResult.GetValue(from)),
                        }
                    )
                    {
                        if (value is not null && string.IsNullOrWhiteSpace(value))
                        {
                            throw new CommandFailure(
                                ExitCodes.Usage,
                                $"{name} is empty: name a tracking store (http(s)://SERVER, sqlite:///PATH or a path)."
                            );
                        }
                    }
                    var fromUri =
                        parseResult.GetValue(from)
                        ?? Environment.GetEnvironmentVariable(
                            TrackingBackendFactory.TrackingUriVariable
                        );
                    var source = Open(
                        fromUri,
                        // The registry follows --from; without it, MLflow's variables apply.
                        parseResult.GetValue(from)
                            is null
                            ? Environment.GetEnvironmentVariable(
                                TrackingBackendFactory.RegistryUriVariable
                            )
                            : null,
                        environment.Time
                    );
                    // A mistyped source would be created empty and "push" nothing.
                    TrackingConnection.RequireExisting(source.TrackingDatabasePath);
                    var target = Open(toUri, null, environment.Time);
                    if (
                        string.Equals(
                            source.TrackingUri,
                            target.TrackingUri,
                            StringComparison.Ordinal
                        )
                    )
                    {
                        throw new CommandFailure(
                            ExitCodes.Usage,
                            $"--to names the source store itself ({source.TrackingUri})."
                        );
                    }
                    var names = (From: source.TrackingUri, To: target.TrackingUri);
                    var dry = parseResult.GetValue(dryRun);
                    // A dry run writes nothing: a local target that does not exist yet is
                    // compared as the empty store it would be, made in a scratch folder.
                    using var scratch =
                        dry
                        && target.TrackingDatabasePath is { } targetDatabase
                        && !File.Exists(targetDatabase)
                            ? new ScratchFolder()
                            : null;
                    if (scratch is not null)
                    {
                        target = Open(scratch.Database, null, environment.Time);
                    }
                    var push = new TrackingPush(
                        Endpoint(source),
                        Endpoint(target),
                        environment.Time,
                        new TrackingPushOptions
                        {
                            Experiments = parseResult.GetValue(experiment) ?? [],
                            DryRun = dry,
                        }
                    );
                    var report = await TrackingConnection.CallAsync(() =>
                        push.PushAsync(cancellationToken)
                    );
                    if (parseResult.GetValue(json))
                    {
                        await io.Output.WriteLineAsync(JsonOutput.Format(ToJson(report, names)));
                    }
                    else
                    {
                        await WriteTextAsync(io, report, names);
                    }
                    return report.Succeeded ? ExitCodes.Ok : ExitCodes.InvalidData;
                }
            )
        );
        return command;
    }

    private static TrackingBackend Open(string? uri, string? registryUri, TimeProvider time)
    {
        try
        {
            return TrackingBackendFactory.Create(
                TrackingBackendFactory.EnvironmentOptions(uri, Environment.UserName) with
                {
                    // The registry follows the URI given here, not MLFLOW_REGISTRY_URI.
                    RegistryUri = registryUri,
                },
                time
            );
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException)
        {
            throw CommandFailure.Usage(ex);
        }
    }

    /// <summary>A temporary folder for a dry run's empty target, deleted with the command.</summary>
    private sealed class ScratchFolder : IDisposable
    {
        private readonly string _folder = Directory
            .CreateTempSubdirectory("mhi-push-dry-run-")
            .FullName;

        public string Database => Path.Combine(_folder, "mlruns.db");

        // Pooled connections may still hold the files: deleting them is fine on Linux and
        // macOS; clearing every pool here would close other stores' connections in this process.
        public void Dispose()
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static PushEndpoint Endpoint(TrackingBackend backend) =>
        new(backend.Tracking, backend.Artifacts, backend.Registry, backend.TrackingUri);

    private static JsonObject ToJson(PushReport report, (string From, string To) names)
    {
        var failures = new JsonArray();
        foreach (var failure in report.Failures)
        {
            failures.Add(
                new JsonObject
                {
                    ["kind"] = failure.Kind,
                    ["id"] = failure.Id,
                    ["name"] = failure.Name,
                    ["message"] = failure.Message,
                }
            );
        }
        return new JsonObject
        {
            ["from"] = names.From,
            ["to"] = names.To,
            ["dryRun"] = report.DryRun,
            ["experiments"] = report.Experiments,
            ["experimentsCreated"] = report.ExperimentsCreated,
            ["runsCopied"] = report.RunsCopied,
            ["runsSkipped"] = report.RunsSkipped,
            ["runsFailed"] = report.RunsFailed,
            ["metricPoints"] = report.MetricPoints,
            ["params"] = report.Params,
            ["tags"] = report.Tags,
            ["artifactFiles"] = report.ArtifactFiles,
            ["artifactBytes"] = report.ArtifactBytes,
            ["modelsCreated"] = report.ModelsCreated,
            ["versionsCopied"] = report.VersionsCopied,
            ["versionsSkipped"] = report.VersionsSkipped,
            ["versionsLeftOut"] = report.VersionsLeftOut,
            ["aliasesSet"] = report.AliasesSet,
            ["failures"] = failures,
        };
    }

    private static async Task WriteTextAsync(
        CommandIo io,
        PushReport report,
        (string From, string To) names
    )
    {
        var lines = new[]
        {
            string.Create(
                CultureInfo.InvariantCulture,
                $"{(report.DryRun ? "dry run (nothing written): " : "")}{names.From} → {names.To}"
            ),
            string.Create(
                CultureInfo.InvariantCulture,
                $"experiments: {report.Experiments} ({report.ExperimentsCreated} created)"
            ),
            string.Create(
                CultureInfo.InvariantCulture,
                $"runs: {report.RunsCopied} copied, {report.RunsSkipped} already present, {report.RunsFailed} failed"
            ),
            string.Create(
                CultureInfo.InvariantCulture,
                $"data: {report.MetricPoints} metric points, {report.Params} params, {report.Tags} tags"
            ),
            string.Create(
                CultureInfo.InvariantCulture,
                $"artifacts: {report.ArtifactFiles} files, {report.ArtifactBytes} bytes"
            ),
            string.Create(
                CultureInfo.InvariantCulture,
                $"registry: {report.ModelsCreated} models created, {report.VersionsCopied} versions copied, "
            )
                + string.Create(
                    CultureInfo.InvariantCulture,
                    $"{report.VersionsSkipped} already present, {report.VersionsLeftOut} left out (run not pushed), "
                )
                + string.Create(CultureInfo.InvariantCulture, $"{report.AliasesSet} aliases set"),
        };
        foreach (var line in lines)
        {
            await io.Output.WriteLineAsync(line);
        }
        foreach (var failure in report.Failures)
        {
            await io.Output.WriteLineAsync(
                $"not copied: {failure.Kind} {failure.Id} ({failure.Name}): {failure.Message}"
            );
        }
        if (!report.Succeeded)
        {
            await io.Output.WriteLineAsync(
                "Fix the cause and run the same command again: what is already on the target is skipped."
            );
        }
    }
}
