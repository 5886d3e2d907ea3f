using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// Scores CSV files with a model, streaming: one thread parses and validates rows in file order,
/// <see cref="BatchScoringOptions.Parallelism"/> threads score chunks of rows, and the calling
/// thread writes the chunks back in order, committing each with a checkpoint. Memory is bounded by
/// a fixed pool of chunks (plus the validator's set of seen User_IDs), whatever the input size.
/// </summary>
/// <remarks>
/// <para>
/// Output (<see cref="OutputHeader"/>): one line per accepted row of the partition, in input
/// order: source file, input line, subject (pseudonymised User_ID, or the raw one on request),
/// probability, label (1 when probability ≥ threshold), threshold, model name and version, and
/// the job's timestamp. Invalid rows go to the rejects file (<see cref="RejectsHeader"/>: the
/// dataset rejects format with the source file first) and never stop the job.
/// </para>
/// <para>
/// Resumable: the output and rejects are written to <c>.partial</c> files and renamed at the end
/// (an <c>s3://</c> output is built in the work folder and uploaded at the end instead, see
/// <see cref="BatchScoringOptions.WorkDirectory"/>);
/// after each chunk both are flushed and <c>OUTPUT.checkpoint.json</c> records their lengths. A job
/// killed at any point and run again with <see cref="BatchScoringOptions.Resume"/> truncates the
/// partial files to the checkpoint, re-reads (without re-writing) the committed rows and carries
/// on, producing the same bytes as an uninterrupted run. The output describes people's mental
/// health: a screening aid, not a diagnosis.
/// </para>
/// </remarks>
public sealed partial class BatchScoringJob
{
    /// <summary>The output CSV's header line.</summary>
    public const string OutputHeader =
        "source,line,subject,probability,label,threshold,model,model_version,scored_at";

    /// <summary>The rejects CSV's header line: the source file, then the dataset rejects columns.</summary>
    public const string RejectsHeader = "source," + Data.RejectsCsvWriter.Header;

    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly Predictor predictor;
    private readonly TimeProvider time;

    /// <summary>Creates a job that scores with <paramref name="predictor"/>.</summary>
    /// <param name="predictor">The model with its preprocessing and threshold (thread-safe).</param>
    /// <param name="model">What the output and checkpoints say about the model.</param>
    /// <param name="time">The clock for the default timestamp and elapsed times.</param>
    public BatchScoringJob(Predictor predictor, BatchModelIdentity model, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        this.predictor = predictor;
        this.time = time;
        Model = model;
    }

    /// <summary>The model identity written on every row.</summary>
    public BatchModelIdentity Model { get; }

    /// <summary>A job scoring with a loaded bundle (and its registry version, when it came from the registry).</summary>
    public static BatchScoringJob FromBundle(
        LoadedModelBundle bundle,
        ModelVersion? version,
        TimeProvider time
    )
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var metadata = bundle.Metadata;
        var identity = new BatchModelIdentity(
            version?.Name ?? metadata.ModelName,
            version is null ? "bundle" : version.Version.ToString(CultureInfo.InvariantCulture),
            bundle.Sha256,
            metadata.Threshold
        );
        return new BatchScoringJob(
            new Predictor(bundle.Preprocessor, bundle.Model, metadata.Threshold),
            identity,
            time
        );
    }

    /// <summary>
    /// Checks the options' paths without touching anything: none is empty, and a local output or
    /// rejects path is absent or a regular file (not a folder, a FIFO or a device, which the final
    /// rename would replace). <see cref="Run"/> checks them too; a caller may check first, before
    /// loading a model.
    /// </summary>
    /// <exception cref="ArgumentException">The message names the option and the path.</exception>
    public static void CheckPaths(BatchScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        BatchPaths.Check(options);
    }

    /// <summary>Runs the job to the end (or to the first file-level error).</summary>
    /// <param name="options">What to read and write.</param>
    /// <param name="progress">Fraction (0..1) of the input bytes read; reported from a worker thread.</param>
    /// <param name="cancellationToken">Stops the job; the committed part stays and can be resumed.</param>
    /// <returns>The counts; <see cref="BatchScoringResult.FatalError"/> when the input is unusable.</returns>
    /// <exception cref="ArgumentException">Invalid options (paths, key, sizes).</exception>
    /// <exception cref="InvalidOperationException">--resume with a checkpoint of another job or damaged partial files.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; resume later.</exception>
    public BatchScoringResult Run(
        BatchScoringOptions options,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        var plan = BatchPlan.Create(options, Model, time, cancellationToken);
        if (plan.FatalError is not null)
        {
            return Result(plan, default, plan.FatalError, started);
        }

        CreateOutputFolders(plan);
        using var jobLock = AcquireLock(plan);
        var state = Prepare(plan, options.Resume);
        if (!state.Checkpoint.Finished)
        {
            state = Score(plan, state, progress, cancellationToken);
        }

        if (plan.HasRemoteTargets)
        {
            Publish(plan, state.Checkpoint, jobLock, cancellationToken);
        }
        else
        {
            Finish(plan, state.Checkpoint);
        }

        return Result(plan, state, null, started);
    }

    private BatchScoringResult Result(BatchPlan plan, JobState state, string? error, long started)
    {
        var c = state.Checkpoint;
        return new BatchScoringResult
        {
            FatalError = error,
            Notices = plan.Notices,
            InputFiles = [.. plan.Files.Select(f => f.Path)],
            OutputPath = plan.OutputDisplay,
            RejectsPath = plan.RejectsDisplay,
            Partition = plan.Partition,
            RowsRead = c?.RowsRead ?? 0,
            RowsScored = c?.RowsScored ?? 0,
            RowsRejected = c?.RowsRejected ?? 0,
            RowsInOtherPartitions = c?.RowsOther ?? 0,
            PositiveLabels = c?.Positives ?? 0,
            ResumedAfterRows = state.ResumedAfterRows,
            ScoredAt = c is null
                ? plan.ScoredAt
                : DateTimeOffset.Parse(c.ScoredAt, CultureInfo.InvariantCulture),
            Model = Model,
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// Everything that decides the output bytes, hashed: inputs (path, size, modification time),
    /// paths, partition, id mode and key check, model, threshold, validation rules (ranges, field
    /// length, whether repeated User_IDs are allowed), and an
    /// explicit timestamp. Chunk size and parallelism do not change the bytes and are left out.
    /// </summary>
    internal static string Fingerprint(BatchPlan plan, BatchScoringOptions options)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"format={BatchCheckpoint.CurrentFormat}\n");
        foreach (var file in plan.Files)
        {
            text.Append(c, $"input={file.Path}|{file.Length}|{file.LastWriteTicks}");
            if (file.ETag is not null)
            {
                text.Append('|').Append(file.ETag);
            }

            text.Append('\n');
        }

        text.Append(c, $"output={plan.OutputDisplay}\nrejects={plan.RejectsDisplay}\n");
        text.Append(c, $"partition={plan.Partition}\nraw={options.RawIds}\nkey={plan.KeyCheck}\n");
        text.Append(c, $"model={plan.Model.Name}|{plan.Model.Version}|{plan.Model.BundleSha256}\n");
        text.Append(c, $"threshold={plan.Model.Threshold:R}\n");
        var v = options.Validation;
        text.Append(
            c,
            $"validation={v.Age.Min:R}:{v.Age.Max:R}|{v.SleepHours.Min:R}:{v.SleepHours.Max:R}|{v.WorkHours.Min:R}:{v.WorkHours.Max:R}|{v.PhysicalActivityHours.Min:R}:{v.PhysicalActivityHours.Max:R}|{v.MaxFieldLength}\n"
        );
        // Only the non-default setting is written, so a default job's fingerprint (and the
        // checkpoints of earlier versions, which left the setting out) stays as it was.
        if (!v.RejectDuplicateUserIds)
        {
            text.Append("duplicateIds=allowed\n");
        }

        text.Append(c, $"scoredAt={options.ScoredAt?.ToString("O", c) ?? "clock"}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A keyed hash of a fixed text: tells keys apart without storing the key.</summary>
    internal static string KeyCheck(SubjectPseudonymiser? pseudonymiser) =>
        pseudonymiser?.Pseudonymise("mhi batch checkpoint key check") ?? "none";
}
