using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>
/// One monitoring run end to end: load the reference (and score it with the model), load the
/// current file or prediction-log window, analyse, write the report files and log a tracking run.
/// Returns the <see cref="MonitoringReport"/> so the caller can evaluate alerts and store snapshots.
/// </summary>
/// <param name="time">The clock (report time, tracking timestamps).</param>
public sealed partial class MonitoringJob(TimeProvider time)
{
    /// <summary>The rejects CSV of the reference data, in the output folder.</summary>
    public const string ReferenceRejectsFile = "reference-rejects.csv";

    /// <summary>The rejects CSV of a current file (none for a prediction-log window), in the output folder.</summary>
    public const string CurrentRejectsFile = "current-rejects.csv";

    // Rows scored per parallel task: large enough that the predictor's block path dominates.
    private const int ScoringChunkRows = 2048;

    /// <summary>Runs the job without alerts (no snapshot is stored).</summary>
    /// <inheritdoc cref="RunAsync(MonitoringJobOptions, Predictor?, IPredictionLogStore?, TrackingService?, AlertService?, CancellationToken)"/>
    public Task<MonitoringJobResult> RunAsync(
        MonitoringJobOptions options,
        Predictor? predictor,
        IPredictionLogStore? predictionLog,
        TrackingService? tracking,
        CancellationToken cancellationToken
    ) => RunAsync(options, predictor, predictionLog, tracking, null, cancellationToken);

    /// <summary>
    /// Runs the job. With <paramref name="alerts"/>, the finished run (report files written,
    /// tracking run logged) is handed to <see cref="AlertService.ProcessAsync"/> as a
    /// <see cref="MonitoringSnapshot"/>: stored first, then evaluated against the policy,
    /// de-duplicated and announced. Its id is the tracking run id when tracked, else
    /// <c>monitor-yyyyMMdd-HHmmss-xxxxxxxx</c>.
    /// </summary>
    /// <param name="options">Inputs, outputs and analysis configuration.</param>
    /// <param name="predictor">Scores file rows (reference and a current file); null: no predictions for files.</param>
    /// <param name="predictionLog">The prediction log, required when the current data is a window.</param>
    /// <param name="tracking">Logs the run (key metrics, parameters, report artifacts); null: tracking off.</param>
    /// <param name="alerts">Stores the snapshot and evaluates the alert policy; null: no alerts.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="MonitoringInputException">An input is unusable (message names the input).</exception>
    /// <exception cref="IOException">The monitoring store failed (the report files are already written).</exception>
    public async Task<MonitoringJobResult> RunAsync(
        MonitoringJobOptions options,
        Predictor? predictor,
        IPredictionLogStore? predictionLog,
        TrackingService? tracking,
        AlertService? alerts,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        // Inputs first: a run that cannot read them leaves no output folder behind.
        RequireInput(options.ReferencePath, "reference");
        if (options.CurrentPath is { } currentFile)
        {
            RequireInput(currentFile, "current");
        }
        Directory.CreateDirectory(options.OutputDirectory);
        var reference = LoadFile(
            options.ReferencePath,
            "reference",
            ReferenceRejectsFile,
            TargetRequirement.Required,
            options,
            predictor,
            out _,
            cancellationToken
        );

        MonitoringDataset current;
        ValidationReport? validation = null;
        string currentSource;
        if (options.CurrentPath is { } currentPath)
        {
            // Current data may come without outcomes (the file mhi batch scores): read as
            // unlabelled, monitored as a prediction-log window without labels is.
            current = LoadFile(
                currentPath,
                "current",
                CurrentRejectsFile,
                TargetRequirement.Optional,
                options,
                predictor,
                out validation,
                cancellationToken
            );
            currentSource = Path.GetFileName(currentPath);
        }
        else
        {
            if (predictionLog is null || options.CurrentWindow is null)
            {
                throw new MonitoringInputException(
                    "The current data is neither a file nor a prediction-log window."
                );
            }
            var entries = new List<PredictionLogEntry>();
            await foreach (
                var entry in predictionLog.ReadAsync(options.CurrentWindow, cancellationToken)
            )
            {
                entries.Add(entry);
            }
            if (entries.Count == 0)
            {
                throw new MonitoringInputException(
                    $"The prediction log has no predictions in {Describe(options.CurrentWindow)}."
                );
            }
            current = MonitoringDataset.FromPredictionLog(entries);
            currentSource = "prediction log " + Describe(options.CurrentWindow);
        }

        ReferenceProfile? profile = null;
        if (options.ReferenceProfilePath is { } profilePath)
        {
            try
            {
                profile = MonitoringReportWriter.ReadProfile(profilePath);
            }
            catch (Exception ex)
                when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new MonitoringInputException(
                    $"Cannot read the reference profile {Path.GetFileName(profilePath)}: {ex.Message}",
                    ex
                );
            }
        }
        else if (options.Analysis.Drift.Profile == DriftProfile.Strict)
        {
            profile = ReferenceProfile.Build(reference, options.Analysis.Drift.ReferenceBins);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var report = MonitoringAnalyzer.Analyze(
            reference,
            current,
            options.Analysis,
            (Path.GetFileName(options.ReferencePath), currentSource),
            time.GetUtcNow(),
            validation,
            profile,
            (options.CurrentWindow?.From, options.CurrentWindow?.To)
        );
        var written = MonitoringReportWriter.Write(
            report,
            options.OutputDirectory,
            options.ReferenceProfilePath is null ? profile : null
        );
        // With PublishTo (s3://), the complete files are uploaded now; alerts then link to them.
        var output = await PublishAsync(options, written, cancellationToken);
        string? runId = tracking is null
            ? null
            : await TrackAsync(tracking, options, report, written, cancellationToken);
        var result = new MonitoringJobResult(report, output, runId);
        if (alerts is null)
        {
            return result;
        }
        try
        {
            var alertResult = await alerts.ProcessAsync(
                CreateSnapshot(options, result),
                cancellationToken
            );
            return result with { Alerts = alertResult };
        }
        catch (IOException ex)
        {
            throw new MonitoringStoreException(ex.Message, ex);
        }
    }

    /// <summary>
    /// The <see cref="MonitoringSnapshot"/> of a finished run, exactly as the alert overload of
    /// <see cref="RunAsync(MonitoringJobOptions, Predictor?, IPredictionLogStore?, TrackingService?, AlertService?, CancellationToken)"/>
    /// stores it: <see cref="MonitoringSnapshot.FromReport"/> with the run id (the tracking run
    /// id, else a new <c>monitor-…</c> id), the window (<see cref="MonitoringJobOptions.SnapshotWindow"/>,
    /// else the prediction-log window, else the report time), the HTML report and
    /// <see cref="MonitoringJobOptions.Model"/>. The monitoring pipeline's alert step stores
    /// this same snapshot.
    /// </summary>
    /// <param name="options">The options the run was made with.</param>
    /// <param name="result">The run's result.</param>
    public static MonitoringSnapshot CreateSnapshot(
        MonitoringJobOptions options,
        MonitoringJobResult result
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        var report = result.Report;
        var window =
            options.SnapshotWindow
            ?? (
                options.CurrentWindow is { From: { } start, To: { } end }
                    ? (start, end)
                    : (report.GeneratedAt, report.GeneratedAt)
            );
        return MonitoringSnapshot.FromReport(
            report,
            result.TrackingRunId ?? NewRunId(report.GeneratedAt),
            window.Item1,
            window.Item2,
            result.Output.HtmlPath,
            options.Model
        );
    }

    private static string NewRunId(DateTimeOffset at) =>
        "monitor-"
        + at.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)
        + "-"
        + Guid.NewGuid().ToString("N")[..8];

    private static MonitoringDataset LoadFile(
        string path,
        string role,
        string rejectsFile,
        TargetRequirement target,
        MonitoringJobOptions options,
        Predictor? predictor,
        out ValidationReport validation,
        CancellationToken cancellationToken
    )
    {
        var rejectsPath = Path.Combine(options.OutputDirectory, rejectsFile);
        var loaded = LoadDataset(path, role, target, options, rejectsPath, cancellationToken);
        validation = loaded.Report;
        if (!loaded.Report.IsReadable)
        {
            throw new MonitoringInputException(
                $"The {role} file cannot be read: {loaded.Report.FatalError}"
            );
        }
        if (loaded.Records.Count == 0)
        {
            throw new MonitoringInputException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {role} file has no valid rows ({loaded.Report.RowsRejected} rejected; see {rejectsPath})."
                )
            );
        }
        var unlabelled = loaded.Report.Unlabelled;
        if (predictor is null)
        {
            return MonitoringDataset.FromRecords(loaded.Records, unlabelled: unlabelled);
        }
        MentalHealthRecord[] records =
            loaded.Records as MentalHealthRecord[] ?? [.. loaded.Records];
        var probabilities = new double[records.Length];
        var labels = new bool[records.Length];
        // The predictor's batch path (block scoring where the model has it), a chunk per task.
        var chunks = (records.Length + ScoringChunkRows - 1) / ScoringChunkRows;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { CancellationToken = cancellationToken },
            chunk =>
            {
                var start = chunk * ScoringChunkRows;
                var count = Math.Min(ScoringChunkRows, records.Length - start);
                predictor.PredictProbabilities(
                    records.AsSpan(start, count),
                    probabilities.AsSpan(start, count)
                );
                for (var i = start; i < start + count; i++)
                {
                    labels[i] = probabilities[i] >= predictor.Threshold;
                }
            }
        );
        return MonitoringDataset.FromRecords(
            loaded.Records,
            probabilities,
            labels,
            predictor.Threshold,
            unlabelled
        );
    }

    private async Task<string> TrackAsync(
        TrackingService tracking,
        MonitoringJobOptions options,
        MonitoringReport report,
        MonitoringOutput output,
        CancellationToken cancellationToken
    )
    {
        var experiment = await tracking.GetOrCreateExperimentAsync(
            options.Experiment,
            cancellationToken
        );
        var run = await tracking.StartRunAsync(
            experiment,
            "monitor-" + time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture),
            tags: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["mhi.kind"] = "monitoring",
                ["mhi.dataset_drift"] = report.Drift.DatasetVerdict,
            },
            cancellationToken: cancellationToken
        );
        var runId = run.Info.RunId;
        try
        {
            await tracking.LogParamsAsync(
                runId,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["profile"] = report.Drift.Profile.ToString().ToLowerInvariant(),
                    ["reference"] = report.ReferenceSource,
                    ["current"] = report.CurrentSource,
                    ["window"] = options.Analysis.Window.ToString(
                        "c",
                        CultureInfo.InvariantCulture
                    ),
                    ["drift_share"] = options.Analysis.Drift.DriftShare.ToString(
                        "R",
                        CultureInfo.InvariantCulture
                    ),
                },
                cancellationToken
            );
            await tracking.LogMetricsAsync(
                runId,
                report.KeyMetrics,
                cancellationToken: cancellationToken
            );
            await tracking.LogArtifactAsync(
                runId,
                output.HtmlPath,
                "monitoring",
                cancellationToken
            );
            await tracking.LogArtifactAsync(
                runId,
                output.JsonPath,
                "monitoring",
                cancellationToken
            );
            await tracking.EndRunAsync(runId, RunStatus.Finished, cancellationToken);
        }
        catch
        {
            await tracking.EndRunAsync(runId, RunStatus.Failed, CancellationToken.None);
            throw;
        }
        return runId;
    }

    private static string Describe(PredictionLogQuery window) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"[{window.From?.ToString("u", CultureInfo.InvariantCulture) ?? "start"}, {window.To?.ToString("u", CultureInfo.InvariantCulture) ?? "now"})"
        );
}
