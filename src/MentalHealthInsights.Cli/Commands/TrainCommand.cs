using System.CommandLine;
using System.Globalization;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Reporting.Training;
using MentalHealthInsights.Infrastructure.Training;
using MentalHealthInsights.Infrastructure.Training.Jobs;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi train</c>: trains, compares and explains models against the majority baseline and
/// writes the training report and one model bundle per model.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var input = DataValidateCommand.InputOption();
        var output = new Option<string>("--out", "-o")
        {
            Description =
                "Output folder: training-report.html, training.json, plots/, models/, rejects.csv (a path or s3://bucket/prefix)",
            DefaultValueFactory = _ => Path.Combine("out", "train"),
        };
        var seed = CommonOptions.Seed();
        var models = new Option<string>("--models")
        {
            Description = "Comma-separated models to train besides the baseline: lr, rf, xgb",
            DefaultValueFactory = _ => string.Join(',', TrainerRegistry.ModelNames),
        };
        var folds = CommonOptions.AtLeast(
            "--folds",
            "Cross-validation folds on the training part",
            5,
            2
        );
        var budget = CommonOptions.Between(
            "--search-budget",
            "Hyperparameter configurations tried per model (seeded random search; the first is the defaults)",
            20,
            1,
            TrainingOptions.MaxSearchBudget
        );
        var searchStrategy = new Option<string>("--search-strategy")
        {
            Description =
                "halving: every configuration on the first fold, the best third on three folds, the best third of those on all folds; full: every configuration on every fold",
            DefaultValueFactory = _ => "halving",
        };
        searchStrategy.AcceptOnlyFromAmong("halving", "full");
        var testFraction = new Option<double>("--test-fraction")
        {
            Description = "Share of rows held out (stratified) for the final, single evaluation",
            DefaultValueFactory = _ => 0.2,
        };
        var resamples = CommonOptions.Between(
            "--bootstrap",
            "Bootstrap resamples for the 95% intervals",
            1000,
            100,
            TrainingOptions.MaxBootstrapResamples
        );
        var threshold = new Option<string>("--threshold")
        {
            Description =
                "Decision threshold rule on out-of-fold predictions: max-f1, recall:X or precision:X",
            DefaultValueFactory = _ => "max-f1",
        };
        var calibration = new Option<string>("--calibration")
        {
            Description =
                "Calibration of models whose scores are not probabilities (rf): platt or isotonic",
            DefaultValueFactory = _ => "platt",
        };
        calibration.AcceptOnlyFromAmong("platt", "isotonic");
        var allowLeakage = new Option<bool>("--allow-suspected-leakage")
        {
            Description =
                "Continue when one feature alone predicts the target almost perfectly (recorded and shown in the report)",
        };
        var threads = CommonOptions.Between(
            "--threads",
            "Native threads for rf and xgb",
            1,
            1,
            XGBoostOptions.MaxThreads
        );
        var trackingUri = TrackingConnection.UriOption();
        var artifacts = new Option<string?>("--artifacts")
        {
            Description =
                "Artifact root for new experiments of a local tracking store: s3://bucket/prefix or a folder (default: MHI_ARTIFACT_URI, else mlartifacts/ beside the database)",
        };
        var noTrack = new Option<bool>("--no-track")
        {
            Description = "Do not log runs or register the model (files only)",
        };
        var experiment = new Option<string>("--experiment")
        {
            Description = "Tracking experiment name",
            DefaultValueFactory = _ => "mental-health-insights",
        };
        var modelName = new Option<string>("--model-name")
        {
            Description = "Registered model name",
            DefaultValueFactory = _ => "mental-health-classifier",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Promote the new version to champion even if the gate refuses (recorded)",
        };
        var primaryMetric = new Option<string>("--primary-metric")
        {
            Description =
                "Metric that picks each model's configuration and the best model (mean over CV folds)",
            DefaultValueFactory = _ => MetricNames.RocAuc,
        };
        primaryMetric.AcceptOnlyFromAmong(
            MetricNames.RocAuc,
            MetricNames.PrAuc,
            MetricNames.LogLoss,
            MetricNames.BrierScore,
            MetricNames.F1,
            MetricNames.Accuracy
        );
        var edaSummary = new Option<string?>("--eda-summary")
        {
            Description = "An eda.json of the same data to attach to the tracked training run",
        };
        var ranges = DataValidateCommand.RangeOption();
        var json = CommonOptions.Json();
        var command = new Command(
            "train",
            "Train and compare logistic regression, random forest and XGBoost against a baseline"
        )
        {
            input,
            output,
            seed,
            models,
            folds,
            budget,
            searchStrategy,
            testFraction,
            resamples,
            threshold,
            calibration,
            allowLeakage,
            threads,
            trackingUri,
            artifacts,
            noTrack,
            experiment,
            modelName,
            force,
            primaryMetric,
            edaSummary,
            ranges,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    foreach (
                        var (option, text) in new[]
                        {
                            ("--input", parseResult.GetRequiredValue(input)),
                            ("--eda-summary", parseResult.GetValue(edaSummary)),
                        }
                    )
                    {
                        if (text is not null)
                        {
                            StorageArguments.RequireNotOverwritten(
                                option,
                                text,
                                parseResult.GetRequiredValue(output),
                                TrainingJob.Outputs
                            );
                        }
                    }
                    // Before the input is read: an unusable output folder fails at once.
                    StorageArguments.RequireWritableFolder(
                        "--out",
                        parseResult.GetRequiredValue(output)
                    );
                    // s3:// inputs are streamed to temporary files (training reads the data
                    // twice: rows and hash); an s3:// output folder is uploaded after the run.
                    using var staged = await StorageArguments.StageInputAsync(
                        parseResult.GetRequiredValue(input),
                        cancellationToken
                    );
                    using var stagedEda = parseResult.GetValue(edaSummary) is { } eda
                        ? await StorageArguments.StageInputAsync(eda, cancellationToken)
                        : null;
                    using var outputStage = StorageArguments.StageOutput(
                        parseResult.GetRequiredValue(output)
                    );
                    var options = new TrainingJobOptions
                    {
                        InputPath = staged.Path,
                        OutputDirectory = outputStage.Directory,
                        Models = ParseModels(parseResult.GetRequiredValue(models)),
                        Threads = parseResult.GetValue(threads),
                        Track = !parseResult.GetValue(noTrack),
                        TrackingUri = parseResult.GetValue(trackingUri),
                        ExperimentName = parseResult.GetRequiredValue(experiment),
                        ModelName = parseResult.GetRequiredValue(modelName),
                        ForcePromotion = parseResult.GetValue(force),
                        ArtifactUri = parseResult.GetValue(artifacts),
                        EdaSummaryPath = stagedEda?.Path,
                        Validation = DataValidateCommand.ParseRanges(parseResult.GetValue(ranges)),
                        Protocol = new TrainingOptions
                        {
                            Seed = parseResult.GetValue(seed),
                            PrimaryMetric = parseResult.GetRequiredValue(primaryMetric),
                            Folds = parseResult.GetValue(folds),
                            SearchBudget = parseResult.GetValue(budget),
                            SearchStrategy =
                                parseResult.GetValue(searchStrategy) == "full"
                                    ? SearchStrategy.Full
                                    : SearchStrategy.Halving,
                            TestFraction = parseResult.GetValue(testFraction),
                            BootstrapResamples = parseResult.GetValue(resamples),
                            Threshold = ParseThreshold(parseResult.GetRequiredValue(threshold)),
                            Calibration =
                                parseResult.GetValue(calibration) == "isotonic"
                                    ? CalibrationMethod.Isotonic
                                    : CalibrationMethod.Platt,
                            AllowSuspectedLeakage = parseResult.GetValue(allowLeakage),
                        },
                    };
                    ValidateTrackingNames(options.ExperimentName, options.ModelName);
                    // Named as the user typed them (the protocol's own messages name properties).
                    if (!(options.Protocol.TestFraction is > 0 and < 1))
                    {
                        throw new CommandFailure(
                            ExitCodes.Usage,
                            "--test-fraction must be between 0 and 1 (exclusive)."
                        );
                    }
                    var problems = options.Protocol.FindProblems();
                    if (problems.Count > 0)
                    {
                        throw new CommandFailure(ExitCodes.Usage, string.Join(" ", problems));
                    }
                    TrainingJobResult local;
                    try
                    {
                        local = await RunAsync(environment, io, options, cancellationToken);
                    }
                    catch (CommandFailure failure) when (outputStage.Target is not null)
                    {
                        throw await outputStage.KeepRejectsAsync(
                            failure,
                            TrainingJob.RejectsFileName,
                            cancellationToken
                        );
                    }
                    await outputStage.PublishAsync(cancellationToken);
                    var result = local with
                    {
                        Output = new TrainingReportOutput(
                            outputStage.Display(local.Output.HtmlPath),
                            outputStage.Display(local.Output.JsonPath),
                            [.. local.Output.PlotPaths.Select(outputStage.Display)]
                        ),
                        Bundles = local.Bundles.ToDictionary(
                            b => b.Key,
                            b => outputStage.Display(b.Value),
                            StringComparer.Ordinal
                        ),
                        RejectsPath = outputStage.Display(local.RejectsPath),
                    };
                    await io.Output.WriteLineAsync(
                        parseResult.GetValue(json)
                            ? JsonOutput.Format(TrainingSummaryRenderer.ToJson(result))
                            : TrainingSummaryRenderer.Render(result)
                    );
                    return result.Report.Outcome == TrainingOutcome.Completed
                        ? ExitCodes.Ok
                        : ExitCodes.InvalidData;
                }
            )
        );
        return command;
    }

    /// <summary>Runs the training job with progress; shared with <c>mhi run</c>.</summary>
    public static async Task<TrainingJobResult> RunAsync(
        CliEnvironment environment,
        CommandIo io,
        TrainingJobOptions options,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await ProgressDisplay.RunAsync(
                environment,
                io,
                "train",
                (progress, ct) => new TrainingJob(environment.Time).Run(options, progress, ct),
                cancellationToken
            );
        }
        catch (InvalidDataException ex)
        {
            throw new CommandFailure(ExitCodes.InvalidData, ex.Message);
        }
    }

    /// <summary>
    /// Refuses (exit 1) an experiment or model name the tracking store or the registry would
    /// refuse only after the whole training, with the store's own rules.
    /// </summary>
    private static void ValidateTrackingNames(string experiment, string modelName)
    {
        try
        {
            TrackingValidation.ValidateExperimentName(experiment);
        }
        catch (TrackingException ex)
        {
            throw new CommandFailure(ExitCodes.Usage, $"--experiment: {ex.Message}");
        }
        try
        {
            RegistryValidation.ValidateModelName(modelName);
        }
        catch (TrackingException ex)
        {
            throw new CommandFailure(ExitCodes.Usage, $"--model-name: {ex.Message}");
        }
    }

    private static string[] ParseModels(string text)
    {
        var names = text.Split(
            ',',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        var unknown = names.Where(n => !TrainerRegistry.ModelNames.Contains(n)).ToList();
        if (names.Length == 0 || unknown.Count > 0)
        {
            throw new CommandFailure(
                ExitCodes.Usage,
                $"--models takes a comma-separated list of {string.Join(", ", TrainerRegistry.ModelNames)}"
                    + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}." : ".")
            );
        }
        return names;
    }

    private static ThresholdStrategy ParseThreshold(string text)
    {
        if (text == "max-f1")
        {
            return ThresholdStrategy.MaxF1;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (
            colon > 0
            && double.TryParse(
                text[(colon + 1)..],
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var target
            )
            && target is > 0 and <= 1
        )
        {
            switch (text[..colon])
            {
                case "recall":
                    return ThresholdStrategy.ForRecall(target);
                case "precision":
                    return ThresholdStrategy.ForPrecision(target);
            }
        }
        throw new CommandFailure(
            ExitCodes.Usage,
            $"--threshold '{text}' must be max-f1, recall:X or precision:X with 0 < X <= 1."
        );
    }
}
