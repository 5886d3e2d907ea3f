using System.CommandLine;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Monitoring;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Scoring;
using MentalHealthInsights.Infrastructure.Storage;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi monitor</c>: drift, quality (measured and estimated), fairness and data quality of
/// current data against the reference; writes monitoring-report.html and monitoring.json and
/// logs a tracking run.
/// </summary>
internal static partial class MonitorCommand
{
    /// <summary>The value of --current that selects the prediction log.</summary>
    public const string PredictionLogCurrent = "log";

    // The rejects files a run writes into its output folder.
    private static readonly string[] RejectsFiles =
    [
        MonitoringJob.ReferenceRejectsFile,
        MonitoringJob.CurrentRejectsFile,
    ];

    public static Command Create(CliEnvironment environment)
    {
        var reference = new Option<string>("--reference", "-r")
        {
            Description =
                "Reference data: a CSV file or s3://bucket/key (streamed), or models:/NAME@ALIAS (its training data, found by the hash its run recorded)",
            Required = true,
        };
        var current = new Option<string>("--current", "-c")
        {
            Description =
                "Current data: a CSV file or s3://bucket/key (streamed), or 'log' for a prediction-log window (--from/--to or --last)",
            Required = true,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description =
                "Output folder for monitoring-report.html and monitoring.json (a path or s3://bucket/prefix, uploaded when complete)",
            DefaultValueFactory = _ => Path.Combine("out", "monitor"),
        };
        var profile = new Option<string>("--profile")
        {
            Description =
                "Drift profile: evidently (Evidently's defaults) or strict (fixed reference bins, FDR control)",
            DefaultValueFactory = _ => "evidently",
        };
        profile.AcceptOnlyFromAmong("evidently", "strict");
        var referenceProfile = new Option<string?>("--reference-profile")
        {
            Description =
                "A saved reference-profile.json (strict profile's fixed bins) to compare windows on the same bins",
        };
        var model = new Option<string?>("--model", "-m")
        {
            Description =
                "Model scoring the CSV rows: models:/NAME@ALIAS, models:/NAME/VERSION or a bundle path (default: the --reference model)",
        };
        var from = new Option<string?>("--from")
        {
            Description = "Start of the current window (ISO 8601, inclusive; UTC when no offset)",
        };
        var to = new Option<string?>("--to")
        {
            Description = "End of the current window (ISO 8601, exclusive)",
        };
        var last = new Option<string?>("--last")
        {
            Description = "The window ending now, e.g. 7d, 24h, 90m",
        };
        var window = new Option<string>("--window")
        {
            Description = "Window for drift, quality and fairness over time, e.g. 1d, 6h",
            DefaultValueFactory = _ => "1d",
        };
        var driftShare = new Option<double>("--drift-share")
        {
            Description = "Dataset drift when at least this share of columns drift",
            DefaultValueFactory = _ => 0.5,
        };
        var minRows = new Option<int>("--drift-min-rows")
        {
            Description =
                "Fewest rows a column needs on each side to be tested for drift; fewer: not tested, a note, left out of the share",
            DefaultValueFactory = _ => DriftOptions.DefaultMinimumRows,
        };
        var search = new Option<string[]>("--data-dir")
        {
            Description =
                "Folders searched for the model's training data when --reference is models:/… (default: data and .)",
            AllowMultipleArgumentsPerToken = true,
        };
        var predictionLog = new Option<string?>("--prediction-log")
        {
            Description =
                "The prediction log (when --current log): a SQLite path or sqlite:///PATH, or PostgreSQL (postgresql://… or Host=…)",
        };
        var trackingUri = TrackingConnection.UriOption();
        var noTrack = new Option<bool>("--no-track") { Description = "Do not log a tracking run" };
        var (store, alertsFile, noAlerts) = AlertOptions();
        var json = CommonOptions.Json();
        var command = new Command(
            "monitor",
            "Drift, quality, fairness and data quality of current data against the reference (a screening aid's monitoring)"
        )
        {
            reference,
            current,
            output,
            profile,
            referenceProfile,
            model,
            from,
            to,
            last,
            window,
            driftShare,
            minRows,
            search,
            predictionLog,
            trackingUri,
            noTrack,
            store,
            alertsFile,
            noAlerts,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var now = environment.Time.GetUtcNow();
                    var period = ParsePeriod(
                        parseResult.GetValue(from),
                        parseResult.GetValue(to),
                        parseResult.GetValue(last),
                        now
                    );
                    var analysis = new MonitoringOptions
                    {
                        Window = ParseDuration(parseResult.GetRequiredValue(window), "--window"),
                        Drift = new DriftOptions
                        {
                            Profile =
                                parseResult.GetRequiredValue(profile) == "strict"
                                    ? DriftProfile.Strict
                                    : DriftProfile.Evidently,
                            DriftShare = parseResult.GetValue(driftShare),
                            MinimumRows = parseResult.GetValue(minRows),
                        },
                    };
                    try
                    {
                        analysis.Drift.Validate();
                    }
                    catch (ArgumentException ex)
                    {
                        throw CommandFailure.Usage(ex);
                    }
                    // An s3:// output is written to a temporary folder, uploaded by the job when
                    // the report is complete, and the folder is deleted when the command ends.
                    using var outputStage = StorageArguments.StageOutput(
                        parseResult.GetRequiredValue(output)
                    );
                    var outputDirectory = outputStage.Directory;
                    // Validated before any work: a bad policy file must not cost a monitoring run.
                    var alertSettings = parseResult.GetValue(noAlerts)
                        ? null
                        : LoadAlertSettings(parseResult.GetValue(alertsFile));
                    var referenceArg = parseResult.GetRequiredValue(reference);
                    var currentArg = parseResult.GetRequiredValue(current);
                    bool fromLog = string.Equals(
                        currentArg,
                        PredictionLogCurrent,
                        StringComparison.Ordinal
                    );
                    // Local files read later are checked now, before anything is resolved,
                    // downloaded or written: a missing one (or a folder, in words; opening it
                    // would fail with .NET's "Access to the path … is denied.") leaves no --out
                    // folder behind.
                    if (
                        !referenceArg.StartsWith(
                            ModelReferenceResolver.Scheme,
                            StringComparison.Ordinal
                        ) && !StorageLocation.IsS3(referenceArg)
                    )
                    {
                        StorageArguments.RequireLocalFile(referenceArg, "reference file");
                    }
                    if (!fromLog && !StorageLocation.IsS3(currentArg))
                    {
                        StorageArguments.RequireLocalFile(currentArg, "current file");
                    }
                    if (parseResult.GetValue(referenceProfile) is { } profileFile)
                    {
                        StorageArguments.RequireLocalFile(profileFile, "reference profile");
                    }
                    bool track = !parseResult.GetValue(noTrack);
                    bool needsBackend =
                        track
                        || referenceArg.StartsWith(
                            ModelReferenceResolver.Scheme,
                            StringComparison.Ordinal
                        )
                        || (parseResult.GetValue(model) ?? "").StartsWith(
                            ModelReferenceResolver.Scheme,
                            StringComparison.Ordinal
                        );
                    var backend = needsBackend
                        ? TrackingConnection.Open(parseResult, trackingUri, environment.Time)
                        : null;

                    var modelArg =
                        parseResult.GetValue(model)
                        ?? (
                            referenceArg.StartsWith(
                                ModelReferenceResolver.Scheme,
                                StringComparison.Ordinal
                            )
                                ? referenceArg
                                : null
                        );
                    ResolvedModel? resolved = null;
                    try
                    {
                        if (modelArg is not null)
                        {
                            resolved = await ResolveModelAsync(
                                backend,
                                modelArg,
                                outputDirectory,
                                cancellationToken
                            );
                        }
                        var referencePath = await ReferencePathAsync(
                            backend,
                            referenceArg,
                            resolved,
                            parseResult.GetValue(search) is { Length: > 0 } dirs
                                ? dirs
                                : ["data", "."],
                            cancellationToken
                        );
                        IPredictionLogStore? log = null;
                        if (fromLog)
                        {
                            var uri =
                                parseResult.GetValue(predictionLog)
                                ?? throw new CommandFailure(
                                    ExitCodes.Usage,
                                    "--current log needs --prediction-log."
                                );
                            log = PredictionLogArgument.Open(uri);
                        }
                        var predictor = resolved is null
                            ? null
                            : new Predictor(
                                resolved.Bundle.Preprocessor,
                                resolved.Bundle.Model,
                                resolved.Bundle.Metadata.Threshold
                            );
                        TrackingService? tracking =
                            track && backend is not null
                                ? new TrackingService(
                                    backend.Tracking,
                                    environment.Time,
                                    artifacts: backend.Artifacts
                                )
                                : null;
                        var jobOptions = new MonitoringJobOptions
                        {
                            PublishTo = outputStage.Target,
                            ReferencePath = referencePath,
                            CurrentPath = fromLog ? null : currentArg,
                            CurrentWindow = fromLog
                                ? new PredictionLogQuery(period.From, period.To)
                                : null,
                            OutputDirectory = outputDirectory,
                            ReferenceProfilePath =
                                parseResult.GetValue(referenceProfile)
                                ?? (
                                    analysis.Drift.Profile == DriftProfile.Strict
                                        ? await TrackingConnection.CallAsync(() =>
                                            TrainingProfileAsync(
                                                backend,
                                                resolved,
                                                outputDirectory,
                                                cancellationToken
                                            )
                                        )
                                        : null
                                ),
                            Analysis = analysis,
                            SnapshotWindow =
                                !fromLog && period is { From: { } start, To: { } end }
                                    ? (start, end)
                                    : null,
                            Model = resolved?.Version is { } v
                                ? $"{v.Name}/{v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
                                : null,
                        };
                        string? storePath = alertSettings is null
                            ? null
                            : ResolveStorePath(
                                parseResult.GetValue(store),
                                backend,
                                track,
                                outputStage.Target is null ? outputDirectory : null
                            );
                        IMonitoringStore? monitoringStore = null;
                        if (storePath is not null)
                        {
                            try
                            {
                                monitoringStore = MonitoringStoreFactory.Create(storePath);
                                storePath = MonitoringStoreFactory.Describe(storePath);
                            }
                            catch (ArgumentException ex)
                            {
                                throw CommandFailure.Usage(ex);
                            }
                        }
                        using var loggerFactory = new StderrLoggerFactory(io.Error);
                        using var alerting = monitoringStore is null
                            ? null
                            : new AlertServiceFactory(
                                alertSettings!,
                                monitoringStore,
                                loggerFactory,
                                environment.Time
                            );
                        MonitoringJobResult result;
                        try
                        {
                            result = await TrackingConnection.CallAsync(() =>
                                new MonitoringJob(environment.Time).RunAsync(
                                    jobOptions,
                                    predictor,
                                    log,
                                    tracking,
                                    alerting?.Service,
                                    cancellationToken
                                )
                            );
                        }
                        catch (MonitoringStoreException ex)
                        {
                            throw new CommandFailure(
                                ExitCodes.InvalidData,
                                $"The monitoring report is written to {outputStage.Target?.Uri ?? outputDirectory}, but the monitoring store failed: {ex.Message}"
                            );
                        }
                        await WriteSummaryAsync(
                            io,
                            result,
                            storePath,
                            parseResult.GetValue(json),
                            currentFile: !fromLog
                        );
                        return ExitCodes.Ok;
                    }
                    catch (MonitoringInputException ex)
                    {
                        var failure = new CommandFailure(ExitCodes.InvalidData, ex.Message);
                        // "no valid rows (see …-rejects.csv)": keep that file where the user looks.
                        foreach (var rejects in RejectsFiles)
                        {
                            if (
                                ex.Message.Contains(
                                    Path.Combine(outputDirectory, rejects),
                                    StringComparison.Ordinal
                                )
                            )
                            {
                                failure = await outputStage.KeepRejectsAsync(
                                    failure,
                                    rejects,
                                    cancellationToken
                                );
                            }
                        }
                        throw failure;
                    }
                    catch (ModelBundleException ex)
                    {
                        throw new CommandFailure(ExitCodes.InvalidData, ex.Message);
                    }
                    finally
                    {
                        resolved?.Bundle.Dispose();
                    }
                }
            )
        );
        return command;
    }

    private static async Task<ResolvedModel> ResolveModelAsync(
        TrackingBackend? backend,
        string reference,
        string outputDirectory,
        CancellationToken cancellationToken
    )
    {
        if (backend is null)
        {
            return new ResolvedModel(
                Infrastructure.Scoring.Bundles.ModelBundleReader.Load(reference),
                null
            );
        }
        return await TrackingConnection.CallAsync(() =>
            new ModelReferenceResolver(backend).ResolveAsync(
                reference,
                Path.Combine(outputDirectory, ".models"),
                cancellationToken
            )
        );
    }

    private static async Task<string> ReferencePathAsync(
        TrackingBackend? backend,
        string reference,
        ResolvedModel? resolved,
        IEnumerable<string> folders,
        CancellationToken cancellationToken
    )
    {
        if (!reference.StartsWith(ModelReferenceResolver.Scheme, StringComparison.Ordinal))
        {
            return reference;
        }
        var version =
            resolved?.Version
            ?? throw new CommandFailure(
                ExitCodes.Usage,
                $"{reference} does not name a registered model version."
            );
        var hash =
            await TrackingConnection.CallAsync(() =>
                TrainingDataLocator.RecordedHashAsync(backend!.Tracking, version, cancellationToken)
            )
            ?? throw new CommandFailure(
                ExitCodes.InvalidData,
                $"{reference}: its run recorded no training-data hash; pass the training CSV as --reference."
            );
        return TrainingDataLocator.FindByHash(hash, folders)
            ?? throw new CommandFailure(
                ExitCodes.InvalidData,
                $"{reference}: no CSV in {string.Join(", ", folders)} has the training data's SHA-256 {hash[..Math.Min(12, hash.Length)]}…; pass the folder with --data-dir or the file as --reference."
            );
    }

    private static async Task WriteSummaryAsync(
        CommandIo io,
        MonitoringJobResult result,
        string? storePath,
        bool json,
        bool currentFile
    )
    {
        var report = result.Report;
        // Counts that reconcile: read = used + rejected (a prediction-log window rejects nothing).
        var read = report.Quality.RowsRead;
        var rejected = report.Quality.RowsRejected;
        string? rejectsFile =
            currentFile && rejected > 0
                ? Beside(result.Output.HtmlPath, MonitoringJob.CurrentRejectsFile)
                : null;
        if (json)
        {
            var metrics = new JsonObject();
            foreach (var name in MonitoringKeyMetrics.All.Where(report.KeyMetrics.ContainsKey))
            {
                metrics[name] = report.KeyMetrics[name];
            }
            foreach (
                var pair in report
                    .KeyMetrics.Where(p =>
                        p.Key.StartsWith(
                            MonitoringKeyMetrics.ColumnDriftPrefix,
                            StringComparison.Ordinal
                        )
                    )
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
            )
            {
                metrics[pair.Key] = pair.Value;
            }
            var node = new JsonObject
            {
                ["disclaimer"] = report.Disclaimer,
                ["html"] = result.Output.HtmlPath,
                ["json"] = result.Output.JsonPath,
                ["referenceProfile"] = result.Output.ProfilePath,
                ["trackingRunId"] = result.TrackingRunId,
                ["current"] = new JsonObject
                {
                    ["rowsRead"] = read,
                    ["rowsUsed"] = report.CurrentRows,
                    ["rowsRejected"] = rejected,
                    ["labelledRows"] = report.LabelledRows,
                    ["rejectsFile"] = rejectsFile,
                },
                ["keyMetrics"] = metrics,
                ["alerts"] = result.Alerts is { } alerts ? AlertsJson(alerts, storePath!) : null,
            };
            await io.Output.WriteLineAsync(JsonOutput.Format(node));
            return;
        }
        await io.Output.WriteLineAsync(MonitoringReport.DisclaimerText);
        foreach (var finding in report.Findings)
        {
            await io.Output.WriteLineAsync($"- {finding}");
        }
        await io.Output.WriteLineAsync(
            string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"Current data: {read:N0} rows read, {report.CurrentRows:N0} used, {rejected:N0} rejected{(rejectsFile is null ? "" : $" (see {rejectsFile})")}; {report.LabelledRows:N0} labelled"
            )
        );
        await io.Output.WriteLineAsync($"Monitoring report: {result.Output.HtmlPath}");
        if (result.TrackingRunId is { } runId)
        {
            await io.Output.WriteLineAsync($"Tracking run: {runId}");
        }
        if (result.Alerts is { } alerting)
        {
            await WriteAlertsAsync(io, alerting, storePath!);
        }
    }

    // A file beside the report, whether the report is a local path or an s3:// URI.
    private static string Beside(string reportPath, string fileName) =>
        reportPath[..(reportPath.LastIndexOfAny(['/', '\\']) + 1)] + fileName;
}
