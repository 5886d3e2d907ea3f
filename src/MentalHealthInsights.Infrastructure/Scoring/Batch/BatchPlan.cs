using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Scoring.Batch;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Storage;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>A job's resolved inputs, paths and settings, checked before anything is written.</summary>
internal sealed partial class BatchPlan
{
    /// <summary>The output timestamp format: UTC, milliseconds, "Z".</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // As the dataset reader: fixed comma, no header handling by Sep, field counts checked by the
    // validator, quotes removed.
    internal static readonly SepReaderOptions SepOptions = Sep.New(',')
        .Reader(o =>
            o with
            {
                HasHeader = false,
                DisableColCountCheck = true,
                Unescape = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }
        );

    // Invalid bytes decode to U+FFFD; the validator rejects such rows (as the dataset reader does).
    internal static readonly UTF8Encoding InputEncoding = new(false, throwOnInvalidBytes: false);

    private BatchPlan() { }

    public IReadOnlyList<BatchInputFile> Files { get; private init; } = [];

    public long TotalBytes { get; private init; }

    public string Output { get; private init; } = "";

    public string Rejects { get; private init; } = "";

    public string OutputPartial => PartialOf(Output);

    public string RejectsPartial => PartialOf(Rejects);

    public string CheckpointPath => CheckpointOf(Output);

    /// <summary>Held (exclusively) for the whole job, so two jobs never write one output at once.</summary>
    public string LockPath => LockOf(Output);

    /// <summary>Held as <see cref="LockPath"/> is, so two jobs never write one rejects file at once.</summary>
    public string RejectsLockPath => LockOf(Rejects);

    private static string PartialOf(string file) => file + ".partial";

    private static string CheckpointOf(string output) => output + ".checkpoint.json";

    private static string LockOf(string output) => output + ".lock";

    /// <summary>The files a job with <paramref name="output"/> writes, besides the rejects file.</summary>
    private static string[] OutputFiles(string output) =>
        [
            output,
            PartialOf(output),
            CheckpointOf(output),
            BatchCheckpoint.TemporaryPathOf(CheckpointOf(output)),
            LockOf(output),
        ];

    /// <summary>The files a job writes for its rejects.</summary>
    private static string[] RejectsFiles(string rejects) =>
        [rejects, PartialOf(rejects), LockOf(rejects)];

    public BatchPartition Partition { get; private init; }

    public SubjectPseudonymiser? Pseudonymiser { get; private init; }

    public string KeyCheck { get; private init; } = "none";

    public required BatchModelIdentity Model { get; init; }

    /// <summary>The timestamp of a fresh job (a resumed job keeps its checkpoint's).</summary>
    public DateTimeOffset ScoredAt { get; private init; }

    public string Fingerprint { get; private set; } = "";

    public int ChunkRows { get; private init; }

    public int Parallelism { get; private init; }

    public ValidationOptions Validation { get; private init; } = ValidationOptions.Default;

    public string? FatalError { get; private init; }

    /// <summary>Files of an input folder that were skipped, and why (empty files, earlier jobs' results).</summary>
    public IReadOnlyList<string> Notices { get; private init; } = [];

    public static BatchPlan Create(
        BatchScoringOptions options,
        BatchModelIdentity model,
        TimeProvider time,
        CancellationToken cancellationToken = default
    )
    {
        BatchPaths.Check(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkRows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(
            options.ChunkRows,
            BatchScoringOptions.MaxChunkRows
        );
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(
            options.Parallelism,
            BatchScoringOptions.MaxParallelism
        );
        if (options.RowsInFlight > BatchScoringOptions.MaxRowsInFlight)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"(2 × {options.Parallelism} threads + 2) × {options.ChunkRows:N0} rows per chunk = {options.RowsInFlight:N0} rows in memory at once, more than {BatchScoringOptions.MaxRowsInFlight:N0}; use fewer rows per chunk or fewer threads."
                ),
                nameof(options)
            );
        }
        Core.Data.Validation.RecordValidator.EnsureValid(options.Validation);
        SubjectPseudonymiser? pseudonymiser = null;
        if (!options.RawIds)
        {
            if (options.PseudonymisationKey is not { Length: >= 16 } key)
            {
                throw new ArgumentException(
                    "A pseudonymisation key of at least 16 bytes is required unless raw ids are requested.",
                    nameof(options)
                );
            }

            pseudonymiser = new SubjectPseudonymiser(key);
        }

        // An s3:// output is built in the work folder and uploaded when the job completes.
        var (output, outputTarget) = ResolveOutput(options.Output, options);
        var (rejects, rejectsTarget) = ResolveOutput(options.RejectsPath, options);
        if (string.Equals(output, rejects, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "The output and rejects files must differ.",
                nameof(options)
            );
        }

        // The rejects file (or its .partial) must not be one of the output's own files either:
        // the job would write both to one file and lose data.
        if (OutputFiles(output).Intersect(RejectsFiles(rejects), StringComparer.Ordinal).Any())
        {
            throw new ArgumentException(
                $"The rejects file (or its .partial or .lock) must not be one of the output's files ({Path.GetFileName(output)}, .partial, .checkpoint.json, .lock).",
                nameof(options)
            );
        }

        var notices = new List<string>();
        var (files, error) = StorageLocation.IsS3(options.Input)
            ? ListRemoteInputs(
                options,
                outputTarget?.Uri ?? output,
                rejectsTarget?.Uri ?? rejects,
                notices,
                cancellationToken
            )
            : LocalInputs(Path.GetFullPath(options.Input), output, rejects, notices);
        foreach (var file in files)
        {
            error ??= CheckHeader(file, cancellationToken);
        }

        var scoredAt = (options.ScoredAt ?? time.GetUtcNow()).ToUniversalTime();
        var plan = new BatchPlan
        {
            Files = files,
            TotalBytes = files.Sum(f => f.Length),
            Output = output,
            Rejects = rejects,
            OutputTarget = outputTarget,
            RejectsTarget = rejectsTarget,
            WorkDirectory = options.WorkDirectoryPath,
            Partition = options.Partition,
            Pseudonymiser = pseudonymiser,
            KeyCheck = BatchScoringJob.KeyCheck(pseudonymiser),
            Model = model,
            // Milliseconds are what the output shows; keep exactly that.
            ScoredAt = new DateTimeOffset(
                scoredAt.Ticks - (scoredAt.Ticks % TimeSpan.TicksPerMillisecond),
                TimeSpan.Zero
            ),
            ChunkRows = options.ChunkRows,
            Parallelism = options.Parallelism,
            Validation = options.Validation,
            FatalError = error,
            Notices = notices,
        };
        plan.Fingerprint = BatchScoringJob.Fingerprint(plan, options);
        return plan;
    }

    private static (IReadOnlyList<BatchInputFile> Files, string? Error) LocalInputs(
        string input,
        string output,
        string rejects,
        List<string> notices
    )
    {
        var (paths, error) = ListInputs(input, output, rejects, notices);
        var files = new List<BatchInputFile>(paths.Count);
        foreach (var path in paths)
        {
            var info = new FileInfo(path);
            files.Add(
                NewInput(path, Path.GetFileName(path), info.Length, info.LastWriteTimeUtc.Ticks)
            );
        }

        return (files, error);
    }

    private static BatchInputFile NewInput(
        string path,
        string name,
        long length,
        long lastWriteTicks,
        StorageLocation? remote = null,
        string? etag = null
    )
    {
        var source = CsvTextField.Escape(name);
        return new BatchInputFile(
            path,
            length,
            lastWriteTicks,
            source,
            Encoding.UTF8.GetBytes(source + ","),
            remote,
            etag
        );
    }

    private static (IReadOnlyList<string> Paths, string? Error) ListInputs(
        string input,
        string output,
        string rejects,
        List<string> notices
    )
    {
        if (File.Exists(input))
        {
            if (OutputFiles(output).Contains(input, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    "The output must not be the input file.",
                    nameof(input)
                );
            }

            return RejectsFiles(rejects).Contains(input, StringComparer.Ordinal)
                ? throw new ArgumentException(
                    "The rejects file must not be the input file.",
                    nameof(input)
                )
                : ([input], null);
        }

        if (!Directory.Exists(input))
        {
            return ([], $"The input {input} does not exist.");
        }

        // This job's own output and rejects from an earlier run are skipped; a file of the folder
        // that is not one (its header is not the job's) is an input, which the job must not overwrite.
        var files = new List<string>();
        foreach (
            var file in Directory
                .EnumerateFiles(input, "*.csv", SearchOption.TopDirectoryOnly)
                .Where(f =>
                    !IsOwnFile(f, output, BatchScoringJob.OutputHeader)
                    && !IsOwnFile(f, rejects, BatchScoringJob.RejectsHeader)
                )
                .Order(StringComparer.Ordinal)
        )
        {
            // Another job's results, or an empty file (no header, so no columns): not inputs.
            if (SkipReason(file) is { } reason)
            {
                notices.Add($"Skipped {Path.GetFileName(file)}: {reason}");
                continue;
            }

            files.Add(file);
        }

        return files.Count == 0
            ? ([], $"The folder {input} has no .csv files to score.")
            : (files, null);
    }

    /// <summary>
    /// Why a <c>*.csv</c> file of an input folder is not an input: it is empty, or its first line
    /// is the header of an mhi batch output or rejects file (an earlier job's results written
    /// into the folder); null for an input.
    /// </summary>
    private static string? SkipReason(string file)
    {
        if (new FileInfo(file).Length == 0)
        {
            return EmptyInputReason;
        }

        using var reader = new StreamReader(file, InputEncoding, true);
        return StartsWithResultsHeader(reader) ? ResultsFileReason : null;
    }

    // Why a .csv of an input folder (local or an s3:// prefix) is skipped, in the job's notices.
    private const string EmptyInputReason = "the file is empty (no header row).";

    private const string ResultsFileReason =
        "it is an mhi batch output or rejects file (its first line is the header mhi batch writes), not an input.";

    /// <summary>
    /// True when the text's first line is the header of an mhi batch output or rejects file
    /// (reads no more than the longer header and one character).
    /// </summary>
    private static bool StartsWithResultsHeader(TextReader reader)
    {
        var buffer = new char[
            Math.Max(BatchScoringJob.OutputHeader.Length, BatchScoringJob.RejectsHeader.Length) + 1
        ];
        var read = reader.ReadBlock(buffer);
        var text = buffer.AsSpan(0, read);
        return IsFirstLine(text, BatchScoringJob.OutputHeader)
            || IsFirstLine(text, BatchScoringJob.RejectsHeader);

        static bool IsFirstLine(ReadOnlySpan<char> text, string header) =>
            text.StartsWith(header, StringComparison.Ordinal)
            && (text.Length == header.Length || text[header.Length] is '\n' or '\r');
    }

    /// <summary>
    /// True when <paramref name="file"/> is <paramref name="own"/> written by an earlier run (its
    /// first line is <paramref name="header"/>); throws when it is <paramref name="own"/> but holds
    /// anything else, so an input file is never overwritten.
    /// </summary>
    private static bool IsOwnFile(string file, string own, string header)
    {
        if (!string.Equals(file, own, StringComparison.Ordinal))
        {
            return false;
        }

        string? first;
        using (var reader = new StreamReader(file, InputEncoding, true))
        {
            first = reader.ReadLine();
        }

        return string.Equals(first, header, StringComparison.Ordinal)
            ? true
            : throw new ArgumentException(
                $"The {(string.Equals(header, BatchScoringJob.RejectsHeader, StringComparison.Ordinal) ? "rejects file" : "output")} must not be the input file ({Path.GetFileName(file)} is a .csv file of the input folder).",
                nameof(own)
            );
    }

    /// <summary>Checks a file's header now, so a bad file stops the job before anything is written.</summary>
    private static string? CheckHeader(BatchInputFile file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file.Path);
        var header = ReadHeader(file, cancellationToken, out var error);
        if (header is null)
        {
            return $"{name}: {error}";
        }

        return BatchHeader.Map(header, out error) is null ? $"{name}: {error}" : null;
    }

    /// <summary>The header's field names, or null with a reason (names only, never data).</summary>
    internal static string[]? ReadHeader(
        BatchInputFile file,
        CancellationToken cancellationToken,
        out string? error
    )
    {
        using var stream = OpenInput(file, cancellationToken);
        using var text = new StreamReader(stream, InputEncoding, true);
        try
        {
            using var sep = SepOptions.From(text);
            if (!sep.MoveNext())
            {
                error = "The file is empty: expected a header row naming the columns.";
                return null;
            }

            var row = sep.Current;
            if (row.Span.IsEmpty)
            {
                error = "The first line is blank: expected a header row naming the columns.";
                return null;
            }

            var names = new string[row.ColCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = row[i].ToString();
            }

            error = null;
            return names;
        }
        catch (NotSupportedException)
        {
            error = "The header row is longer than 16,777,216 characters (an unclosed quote?).";
            return null;
        }
    }
}
