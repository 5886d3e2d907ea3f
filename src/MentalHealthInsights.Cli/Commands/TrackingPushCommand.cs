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
                    var target = Open(parseResult.GetRequiredValue(to), null, environment.Time);
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
                    var push = new TrackingPush(
                        Endpoint(source),
                        Endpoint(target),
                        environment.Time,
                        new TrackingPushOptions
                        {
                            Experiments = parseResult.GetValue(experiment) ?? [],
                            DryRun = parseResult.GetValue(dryRun),
                        }
                    );
                    var report = await TrackingConnection.CallAsync(() =>
                        push.PushAsync(cancellationToken)
                    );
                    if (parseResult.GetValue(json))
                    {
                        await io.Output.WriteLineAsync(
                            JsonOutput.Format(ToJson(report, source, target))
                        );
                    }
                    else
                    {
                        await WriteTextAsync(io, report, source, target);
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

    private static PushEndpoint Endpoint(TrackingBackend backend) =>
        new(backend.Tracking, backend.Artifacts, backend.Registry, backend.TrackingUri);

    private static JsonObject ToJson(
        PushReport report,
        TrackingBackend source,
        TrackingBackend target
    )
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
            ["from"] = source.TrackingUri,
            ["to"] = target.TrackingUri,
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
        TrackingBackend source,
        TrackingBackend target
    )
    {
        var lines = new[]
        {
            string.Create(
                CultureInfo.InvariantCulture,
                $"{(report.DryRun ? "dry run (nothing written): " : "")}{source.TrackingUri} → {target.TrackingUri}"
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
