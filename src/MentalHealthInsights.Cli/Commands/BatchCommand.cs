using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Scoring.Batch;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Scoring;
using MentalHealthInsights.Infrastructure.Scoring.Batch;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi batch</c>: scores CSV files with a registered model or a bundle, streaming, on all
/// cores, resumable and partitionable (docs/batch-scoring.md).
/// </summary>
internal static class BatchCommand
{
    /// <summary>The environment variable holding the pseudonymisation key (UTF-8, at least 16 bytes).</summary>
    public const string KeyVariable = "MHI_PSEUDONYMISATION_KEY";

    /// <summary>The model scored with when --model is not given.</summary>
    public const string DefaultModel = "models:/mental-health-classifier@champion";

    public static Command Create(CliEnvironment environment)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description =
                "CSV file, or a folder whose *.csv files are scored in name order; or s3://bucket/key, or s3://bucket/prefix/ (its *.csv objects in key order)",
            Required = true,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description =
                "Output CSV (written as OUTPUT.partial and renamed when complete); s3://bucket/key: built in --work-dir, uploaded when complete",
            Required = true,
        };
        var model = new Option<string>("--model", "-m")
        {
            Description = "models:/NAME@ALIAS, models:/NAME/VERSION or a bundle path",
            DefaultValueFactory = _ => DefaultModel,
        };
        var rejects = new Option<string?>("--rejects")
        {
            Description =
                "Rejects CSV (source, line, reason, column, original), a path or s3://bucket/key; default: OUTPUT with .rejects.csv",
        };
        var workDir = new Option<string?>("--work-dir")
        {
            Description =
                $"Local folder where s3:// outputs and their checkpoint are built before the upload (default: {BatchScoringOptions.DefaultWorkDirectory} in the current folder)",
        };
        var resume = new Option<bool>("--resume")
        {
            Description =
                "Continue an interrupted job from its checkpoint (same inputs, model and options)",
        };
        var partition = new Option<string?>("--partition")
        {
            Description =
                "Score only share I of N (I from 0): data row r belongs to r mod N, e.g. $AWS_BATCH_JOB_ARRAY_INDEX/4",
        };
        var rawIds = new Option<bool>("--raw-ids")
        {
            Description =
                $"Write User_ID as read (trimmed, as validation reads it) instead of its keyed hash (default: pseudonymise with {KeyVariable})",
        };
        var allowDuplicateIds = new Option<bool>("--allow-duplicate-ids")
        {
            Description =
                "Score rows whose User_ID repeats instead of rejecting them; memory then stays flat in the input size",
        };
        var scoredAt = new Option<string?>("--scored-at")
        {
            Description = "Timestamp written on every row (ISO 8601); default: when the job starts",
        };
        var chunkRows = CommonOptions.Between(
            "--chunk-rows",
            "Rows per chunk (unit of parallel work and of checkpoints)",
            4096,
            1,
            BatchScoringOptions.MaxChunkRows
        );
        var threads = CommonOptions.Between(
            "--threads",
            "Scoring threads (default: all cores)",
            Math.Min(Environment.ProcessorCount, BatchScoringOptions.MaxParallelism),
            1,
            BatchScoringOptions.MaxParallelism
        );
        var ranges = DataValidateCommand.RangeOption();
        var uri = TrackingConnection.UriOption();
        var json = CommonOptions.Json();
        var command = new Command(
            "batch",
            "Score CSV files with a model: one line per row with probability and label (a screening aid, not a diagnosis)"
        )
        {
            input,
            output,
            model,
            rejects,
            workDir,
            resume,
            partition,
            rawIds,
            allowDuplicateIds,
            scoredAt,
            chunkRows,
            threads,
            ranges,
            uri,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    // Uses the idle core while this thread loads and verifies the bundle.
                    _ = BatchScoringJob.WarmUpAsync();
                    var options = new BatchScoringOptions
                    {
                        Input = parseResult.GetRequiredValue(input),
                        Output = parseResult.GetRequiredValue(output),
                        Rejects = parseResult.GetValue(rejects),
                        WorkDirectory = parseResult.GetValue(workDir),
                        Resume = parseResult.GetValue(resume),
                        Partition = ParsePartition(parseResult.GetValue(partition)),
                        RawIds = parseResult.GetValue(rawIds),
                        PseudonymisationKey = parseResult.GetValue(rawIds) ? null : ReadKey(),
                        ScoredAt = CommonOptions.ParseTime(
                            parseResult.GetValue(scoredAt),
                            "--scored-at"
                        ),
                        ChunkRows = parseResult.GetValue(chunkRows),
                        Parallelism = parseResult.GetValue(threads),
                        Validation = DataValidateCommand.ParseRanges(
                            parseResult.GetValue(ranges)
                        ) with
                        {
                            RejectDuplicateUserIds = !parseResult.GetValue(allowDuplicateIds),
                        },
                    };
                    RequireRowsInFlightWithinBound(options);
                    // Before the model is loaded or a row read: unusable paths fail at once
                    // (empty, a folder, a FIFO or device; then a folder that takes no files).
                    CheckPaths(options);
                    StorageArguments.RequireWritableFile("--output", options.Output);
                    if (options.Rejects is { } rejectsPath)
                    {
                        StorageArguments.RequireWritableFile("--rejects", rejectsPath);
                    }
                    var resolved = await LoadAsync(
                        parseResult,
                        uri,
                        parseResult.GetValue(model)!,
                        environment.Time,
                        cancellationToken
                    );
                    using var bundle = resolved.Bundle;
                    var job = BatchScoringJob.FromBundle(
                        bundle,
                        resolved.Version,
                        environment.Time
                    );
                    var result = await ProgressDisplay.RunAsync(
                        environment,
                        io,
                        "batch",
                        (progress, ct) => Run(job, options, progress, ct),
                        cancellationToken,
                        static r => r.Completed
                    );
                    foreach (var notice in result.Notices)
                    {
                        await io.Error.WriteLineAsync($"note: {notice}");
                    }

                    if (result.FatalError is { } fatal)
                    {
                        throw new CommandFailure(ExitCodes.InvalidData, fatal);
                    }

                    var warning = Warning(result);
                    if (warning is not null)
                    {
                        await io.Error.WriteLineAsync($"warning: {warning}");
                    }

                    await io.Output.WriteLineAsync(
                        parseResult.GetValue(json)
                            ? JsonOutput.Format(ToJson(result, warning))
                            : Render(result)
                    );
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    private static BatchScoringResult Run(
        BatchScoringJob job,
        BatchScoringOptions options,
        IProgress<double> progress,
        CancellationToken ct
    )
    {
        try
        {
            return job.Run(options, progress, ct);
        }
        catch (ArgumentException e)
        {
            throw CommandFailure.Usage(e);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException)
        {
            throw new CommandFailure(ExitCodes.InvalidData, e.Message);
        }
    }

    /// <summary>Refuses, before the model is loaded, an empty path or an output that is a folder or a special file.</summary>
    private static void CheckPaths(BatchScoringOptions options)
    {
        try
        {
            BatchScoringJob.CheckPaths(options);
        }
        catch (ArgumentException e)
        {
            throw CommandFailure.Usage(e);
        }
    }

    /// <summary>
    /// Refuses, before the model is loaded, a chunk size and thread count whose pool of chunks
    /// would not fit in memory (each option alone is within its range).
    /// </summary>
    private static void RequireRowsInFlightWithinBound(BatchScoringOptions options)
    {
        if (options.RowsInFlight > BatchScoringOptions.MaxRowsInFlight)
        {
            throw new CommandFailure(
                ExitCodes.Usage,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"--chunk-rows {options.ChunkRows:N0} with --threads {options.Parallelism} holds (2 × threads + 2) × chunk rows = {options.RowsInFlight:N0} rows in memory at once, more than {BatchScoringOptions.MaxRowsInFlight:N0}; lower --chunk-rows or --threads."
                )
            );
        }
    }

    private static BatchPartition ParsePartition(string? text) =>
        text is null ? BatchPartition.Whole
        : BatchPartition.TryParse(text, out var partition, out var error) ? partition
        : throw new CommandFailure(ExitCodes.Usage, $"--partition: {error}");

    private static byte[] ReadKey()
    {
        var text = Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrEmpty(text))
        {
            throw new CommandFailure(
                ExitCodes.Usage,
                $"Set {KeyVariable} to a secret of at least 16 bytes so that User_IDs are pseudonymised in the output, or pass --raw-ids to write them as given."
            );
        }

        var key = Encoding.UTF8.GetBytes(text);
        return SubjectPseudonymiser.IsUsableKey(text) ? key
            : key.Length >= 16
                ? throw new CommandFailure(
                    ExitCodes.Usage,
                    $"{KeyVariable} is only white space; set it to a secret of at least 16 bytes."
                )
            : throw new CommandFailure(
                ExitCodes.Usage,
                $"{KeyVariable} must be at least 16 bytes (UTF-8); it has {key.Length}."
            );
    }

    /// <summary>Loads a bundle path directly, or a registry reference through a private download folder.</summary>
    private static async Task<ResolvedModel> LoadAsync(
        ParseResult parseResult,
        Option<string?> uri,
        string reference,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        // The model is in memory once loaded; the downloaded copy is not kept (also on Ctrl+C).
        using var cache = new TemporaryFolder("mhi-batch-");
        try
        {
            if (!reference.StartsWith(ModelReferenceResolver.Scheme, StringComparison.Ordinal))
            {
                return new ResolvedModel(ModelBundleReader.Load(reference), null);
            }

            var backend = TrackingConnection.OpenExistingRegistry(parseResult, uri, time);
            return await new ModelReferenceResolver(backend).ResolveAsync(
                reference,
                cache.Path,
                cancellationToken
            );
        }
        catch (Exception e) when (e is ModelBundleException or TrackingException)
        {
            throw new CommandFailure(ExitCodes.InvalidData, e.Message);
        }
    }

    /// <summary>
    /// What a job that scored nothing says on stderr (it still exits 0, as for any rows
    /// rejected): an input without data rows is most likely the wrong file, and an input whose
    /// every row was rejected most likely the wrong format or rules.
    /// </summary>
    internal static string? Warning(BatchScoringResult r) =>
        r.RowsRead == 0
            ? (
                r.InputFiles.Count == 1
                    ? "The file has a header but no data rows: nothing was scored."
                    : "The files have headers but no data rows: nothing was scored."
            )
        : r.RowsScored == 0 && r.RowsRejected > 0
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"Every row was rejected ({r.RowsRejected:N0}): nothing was scored. The reasons are in {r.RejectsPath}."
            )
        : null;

    internal static string Render(BatchScoringResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(
            c,
            $"Scored {r.RowsScored:N0} {(r.RowsScored == 1 ? "row" : "rows")} with {r.Model.Name} ({r.Model.Version}) → {r.OutputPath}\n"
        );
        text.Append(
            c,
            $"  read {r.RowsRead:N0} = scored {r.RowsScored:N0} + rejected {r.RowsRejected:N0}"
        );
        if (r.Partition.Count > 1)
        {
            text.Append(
                c,
                $" + other partitions {r.RowsInOtherPartitions:N0} (partition {r.Partition})"
            );
        }

        text.Append(
            c,
            $"\n  label 1 (probability ≥ {r.Model.Threshold:0.####}): {r.PositiveLabels:N0}\n"
        );
        if (r.ResumedAfterRows > 0)
        {
            text.Append(c, $"  resumed after {r.ResumedAfterRows:N0} committed rows\n");
        }

        text.Append(c, $"  rejects: {r.RejectsPath}\n");
        text.Append("  ").Append(Pace(RowsThisAttempt(r), r.Elapsed)).Append('\n');
        text.Append("A screening aid, not a diagnosis.");
        return text.ToString();
    }

    /// <summary>
    /// This attempt's time, and its rate once there is enough of a run for a rate to mean
    /// something (a second or 10,000 rows): "33 rows/s" for a 3-row file in 0.09 s is start-up
    /// time, not throughput.
    /// </summary>
    internal static string Pace(long rows, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        var seconds = elapsed.TotalSeconds;
        return seconds >= 1 || (rows >= MinRowsForRate && seconds > 0)
            ? string.Create(c, $"{rows / seconds:N0} rows/s this attempt ({seconds:0.00} s)")
            : string.Create(c, $"this attempt took {seconds:0.00} s");
    }

    private const long MinRowsForRate = 10_000;

    private static long RowsThisAttempt(BatchScoringResult r) => r.RowsRead - r.ResumedAfterRows;

    private static double Rate(BatchScoringResult r) =>
        r.Elapsed.TotalSeconds > 0 ? RowsThisAttempt(r) / r.Elapsed.TotalSeconds : 0;

    /// <summary>
    /// The --json summary. Its <c>warnings</c> are the texts written to stderr, in that order:
    /// the <c>note:</c> lines (files of an input folder skipped) and the <c>warning:</c> line
    /// (nothing was scored); empty when there are none.
    /// </summary>
    private static JsonObject ToJson(BatchScoringResult r, string? warning) =>
        new()
        {
            ["inputFiles"] = new JsonArray([.. r.InputFiles.Select(f => (JsonNode)f)]),
            ["output"] = r.OutputPath,
            ["rejects"] = r.RejectsPath,
            ["partition"] = r.Partition.ToString(),
            ["rowsRead"] = r.RowsRead,
            ["rowsScored"] = r.RowsScored,
            ["rowsRejected"] = r.RowsRejected,
            ["rowsInOtherPartitions"] = r.RowsInOtherPartitions,
            ["positiveLabels"] = r.PositiveLabels,
            ["resumedAfterRows"] = r.ResumedAfterRows,
            ["scoredAt"] = r.ScoredAt.UtcDateTime.ToString(
                "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                CultureInfo.InvariantCulture
            ),
            ["model"] = new JsonObject
            {
                ["name"] = r.Model.Name,
                ["version"] = r.Model.Version,
                ["bundleSha256"] = r.Model.BundleSha256,
                ["threshold"] = r.Model.Threshold,
            },
            ["elapsedSeconds"] = r.Elapsed.TotalSeconds,
            ["rowsPerSecond"] = Rate(r),
            ["warnings"] = new JsonArray([
                .. r.Notices.Append(warning).OfType<string>().Select(w => (JsonNode)w),
            ]),
            ["note"] = "A screening aid, not a diagnosis.",
        };
}
