using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Hashing;
using MentalHealthInsights.Infrastructure.Monitoring;
using MentalHealthInsights.Infrastructure.Reporting;
using MentalHealthInsights.Infrastructure.Reporting.Training;
using MentalHealthInsights.Infrastructure.Storage;
using MentalHealthInsights.Infrastructure.Threading;
using MentalHealthInsights.Infrastructure.Versioning;

namespace MentalHealthInsights.Infrastructure.Training.Jobs;

/// <summary>
/// The training use case end to end, shared by <c>mhi train</c>, <c>mhi run</c> and the training
/// pipeline: load and validate → train and evaluate (the Core protocol) → write the report and
/// one model bundle per model.
/// </summary>
/// <param name="time">The clock (report and bundle timestamps).</param>
public sealed partial class TrainingJob(TimeProvider time)
{
    /// <summary>The rejects file written into the output folder.</summary>
    public const string RejectsFileName = "rejects.csv";

    /// <summary>The validation summary written into the output folder.</summary>
    public const string ValidationFileName = "validation.json";

    /// <summary>The sub-folder holding one model bundle per model.</summary>
    public const string ModelsFolder = "models";

    /// <summary>
    /// Everything the job writes into <see cref="TrainingJobOptions.OutputDirectory"/>: the
    /// report, the rejects file, the validation summary, the reference profile, the plots and
    /// the model bundles. Commands refuse an input that is one of them.
    /// </summary>
    public static OutputFolderLayout Outputs { get; } =
        new(
            [
                TrainingReportWriter.HtmlFileName,
                TrainingReportWriter.JsonFileName,
                RejectsFileName,
                ValidationFileName,
                MonitoringReportWriter.ProfileFileName,
            ],
            [TrainingReportWriter.PlotsFolder, ModelsFolder]
        );

    /// <summary>
    /// Runs the job. Unusable input (unreadable file, no valid rows) → <see cref="InvalidDataException"/>
    /// with a message fit for the user; a run stopped by the leakage guard or for too little
    /// data is a normal result whose report says why (and has no bundles).
    /// </summary>
    public TrainingJobResult Run(
        TrainingJobOptions options,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        // Checked before any work: it is uploaded to tracking as is at the end.
        var edaDataSha256 = options.EdaSummaryPath is { } edaSummary
            ? EdaSummaryFile.Check(edaSummary)
            : null;
        var trainers = TrainerRegistry.Create(options.Models, options.Threads);
        Directory.CreateDirectory(options.OutputDirectory);
        // Read before this run replaces training.json: what the previous training wrote here.
        var previous = ReadPreviousOutputs(options.OutputDirectory);
        var rejectsPath = Path.Combine(options.OutputDirectory, RejectsFileName);

        var loaded = DatasetLoader.Load(
            options.InputPath,
            options.Validation,
            rejectsPath,
            new ScaledProgress(progress, 0, 0.05),
            cancellationToken
        );
        if (!loaded.Report.IsReadable)
        {
            throw new InvalidDataException(loaded.Report.FatalError);
        }
        if (loaded.Records.Count == 0)
        {
            throw new InvalidDataException(
                $"no valid rows to train on ({loaded.Report.RowsRejected} rejected; see {rejectsPath})."
            );
        }

        var dataHash = FileHash.Sha256(options.InputPath);
        if (options.EdaSummaryPath is { } summary)
        {
            // Before any training: the summary is attached to the run as its data's analysis.
            EdaSummaryFile.RequireSameData(summary, edaDataSha256, dataHash);
        }
        var protocolOptions = options.Protocol with { DataHash = dataHash };
        var protocol = new TrainingProtocol(trainers, time);
        using var result = protocol.Run(
            loaded.Records,
            protocolOptions,
            new ProtocolProgress(progress),
            cancellationToken
        );

        var versions = new Dictionary<string, string>(BuildInfo.LibraryVersions());
        var commit = BuildInfo.GitCommit(AppContext.BaseDirectory);
        if (commit is not null)
        {
            versions["git_commit"] = commit;
        }
        var report = result.Report with
        {
            LibraryVersions = versions,
            Input = new InputRows(
                loaded.Report.RowsRead,
                loaded.Report.RowsRejected,
                RejectsFileName
            ),
        };
        // The report (mostly plot rendering) reads only the report; the bundles and the reference
        // profile read the fitted models. Different files, no shared state: write them side by
        // side so a small training does not spend its last second on one core.
        var reportWriting = Task.Run(
            () => new TrainingReportWriter(time).Write(report, options.OutputDirectory),
            CancellationToken.None
        );
        Dictionary<string, string> bundles;
        string validationSummaryPath;
        string? profilePath;
        try
        {
            bundles = WriteBundles(options, report, result, commit, cancellationToken);
            validationSummaryPath = Path.Combine(options.OutputDirectory, ValidationFileName);
            File.WriteAllText(validationSummaryPath, ValidationReportJson.Serialize(loaded.Report));
            profilePath = WriteReferenceProfile(options, loaded.Records, report, result);
        }
        catch
        {
            // Never leave the report writer running behind this error; its own error, if any,
            // is secondary to the one being thrown.
            TaskWaits.WaitQuietly(reportWriting);
            throw;
        }
        var output = reportWriting.GetAwaiter().GetResult();
        // Only once this run's outputs are all written (a failed run leaves the previous one whole).
        RemoveStaleOutputs(options.OutputDirectory, previous, output, bundles);
        // The SQLite store completes synchronously; a REST store blocks this worker thread only.
        var tracking = options.Track
            ? TrackAsync(
                    options,
                    loaded.Records,
                    report,
                    output,
                    bundles,
                    validationSummaryPath,
                    profilePath,
                    cancellationToken
                )
                .GetAwaiter()
                .GetResult()
            : null;
        progress?.Report(1.0);
        return new TrainingJobResult(loaded.Report, report, output, bundles, rejectsPath, tracking)
        {
            ReferenceProfilePath = profilePath,
        };
    }

    /// <summary>Maps a part of the job onto [from, to] of the overall progress.</summary>
    private sealed class ScaledProgress(IProgress<double>? inner, double from, double to)
        : IProgress<double>
    {
        public void Report(double value) =>
            inner?.Report(from + ((to - from) * Math.Clamp(value, 0, 1)));
    }

    /// <summary>The protocol's progress, mapped onto 5–95 % of the job.</summary>
    private sealed class ProtocolProgress(IProgress<double>? inner) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) =>
            inner?.Report(0.05 + (0.9 * Math.Clamp(value.Fraction, 0, 1)));
    }
}
