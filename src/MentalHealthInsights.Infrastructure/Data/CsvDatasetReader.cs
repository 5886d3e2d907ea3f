using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// Streams a dataset CSV (Sep), validates every row with <see cref="RecordValidator"/> and hands
/// accepted records to a callback in file order; rejected rows go to a rejects CSV. Memory does
/// not grow with the file, except for the set of accepted User_ID fingerprints.
/// </summary>
/// <remarks>
/// Input: UTF-8 with or without BOM (a UTF-16/32 BOM is honoured too), LF or CRLF, RFC 4180
/// quoting, comma separator, a header naming the twelve <see cref="DatasetSchema.Columns"/> in
/// any order. Bad data never throws: file-level problems set
/// <see cref="ValidationReport.FatalError"/>, row-level problems reject the row. The rules are
/// in docs/data-validation.md. Instances are stateless and may be shared.
/// </remarks>
public sealed partial class CsvDatasetReader
{
    // How often (in rows) cancellation and progress are checked: cheap enough, responsive enough.
    private const int CheckEveryRows = 1024;
    internal const int TextBufferSize = 1 << 16;

    // Invalid bytes decode to U+FFFD instead of throwing; the validator rejects such rows.
    // Also the label import's (OutcomeLabelImport), so it reads files as this reader does.
    internal static readonly UTF8Encoding Utf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: false
    );

    // Fixed comma (no auto-detection, so a ';' file is reported, not silently accepted), no
    // header handling by Sep (we match names ourselves), field counts checked by the validator.
    // Also the label import's.
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

    private readonly ValidationOptions options;
    private readonly TargetRequirement target;

    /// <summary>Creates a reader with the given rules.</summary>
    /// <param name="options">Validation rules; <see cref="ValidationOptions.Default"/> when null.</param>
    /// <param name="target">
    /// Whether the outcome column is required (default); <see cref="TargetRequirement.Optional"/>
    /// reads a file without it as unlabelled data (<see cref="ValidationReport.Unlabelled"/>).
    /// </param>
    /// <exception cref="ArgumentException">The options are invalid (e.g. a range with Min &gt; Max).</exception>
    public CsvDatasetReader(
        ValidationOptions? options = null,
        TargetRequirement target = TargetRequirement.Required
    )
    {
        this.options = options ?? ValidationOptions.Default;
        RecordValidator.EnsureValid(this.options);
        this.target = target;
    }

    /// <summary>
    /// Reads and validates <paramref name="input"/> from its current position. The stream is
    /// neither written nor disposed.
    /// </summary>
    /// <param name="input">The CSV bytes.</param>
    /// <param name="onAccepted">Receives each accepted record, in file order.</param>
    /// <param name="rejects">Receives the rejects CSV (header always written); null to skip it.</param>
    /// <param name="progress">Fraction of the stream's bytes read (0..1), at most ~100 reports; seekable streams only, 1.0 at the end otherwise; never 1.0 for an unreadable file (<see cref="ValidationReport.IsReadable"/> false).</param>
    /// <param name="ct">Checked every 1,024 rows; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The report; <see cref="ValidationReport.FatalError"/> is set when the file cannot be read as the dataset.</returns>
    public ValidationReport Read(
        Stream input,
        Action<MentalHealthRecord> onAccepted,
        TextWriter? rejects = null,
        IProgress<double>? progress = null,
        CancellationToken ct = default
    )
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(onAccepted);
        ct.ThrowIfCancellationRequested();

        var rejectsWriter = rejects is null ? null : new RejectsCsvWriter(rejects);
        rejectsWriter?.WriteHeader();
        var tracker = new ByteProgress(input, progress);
        ValidationReport report;
        using (
            var text = new StreamReader(
                input,
                Utf8,
                detectEncodingFromByteOrderMarks: true,
                TextBufferSize,
                leaveOpen: true
            )
        )
        {
            report = ReadText(text, onAccepted, rejectsWriter, tracker, ct);
        }

        rejects?.Flush();
        // A file that stopped being read (no usable header, wrong delimiter) did not reach its end.
        if (report.IsReadable)
        {
            tracker.Complete();
        }

        return report;
    }

    /// <summary>
    /// Reads and validates the file at <paramref name="path"/> (opened read-only, never
    /// modified). The rejects CSV is written to a temporary file beside
    /// <paramref name="rejectsPath"/> and moved into place when reading ends, so a cancelled or
    /// failed run leaves no partial rejects file.
    /// </summary>
    /// <param name="path">The input CSV.</param>
    /// <param name="onAccepted">Receives each accepted record, in file order.</param>
    /// <param name="rejectsPath">Where to write the rejects CSV (replaced if it exists; header only when nothing was rejected); null to skip it.</param>
    /// <param name="progress">Fraction of the file's bytes read (0..1), reported at most ~100 times.</param>
    /// <param name="ct">Checked every 1,024 rows; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="rejectsPath"/> is the input file.</exception>
    public ValidationReport ReadFile(
        string path,
        Action<MentalHealthRecord> onAccepted,
        string? rejectsPath = null,
        IProgress<double>? progress = null,
        CancellationToken ct = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(onAccepted);
        var inputPath = Path.GetFullPath(path);
        if (!File.Exists(inputPath))
        {
            throw new FileNotFoundException("The input file does not exist.", path);
        }

        var rejectsFullPath = rejectsPath is null ? null : Path.GetFullPath(rejectsPath);
        if (string.Equals(rejectsFullPath, inputPath, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "The rejects file must not be the input file.",
                nameof(rejectsPath)
            );
        }

        using var input = new FileStream(
            inputPath,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            bufferSize: 0,
            FileOptions.SequentialScan
        );
        return rejectsFullPath is null
            ? Read(input, onAccepted, null, progress, ct)
            : WriteThenMove(
                rejectsFullPath,
                writer => Read(input, onAccepted, writer, progress, ct)
            );
    }

    /// <summary>
    /// Reads and validates <paramref name="input"/> (e.g. an object streamed from S3), writing
    /// the rejects CSV to <paramref name="rejectsPath"/> exactly as <see cref="ReadFile"/> does:
    /// a temporary file beside it, moved into place when reading ends (never partial).
    /// </summary>
    /// <param name="input">The CSV bytes (not disposed).</param>
    /// <param name="onAccepted">Receives each accepted record, in file order.</param>
    /// <param name="rejectsPath">Where to write the rejects CSV (replaced if it exists).</param>
    /// <param name="progress">Fraction of the stream read (0..1) when its length is known.</param>
    /// <param name="ct">Checked every 1,024 rows; cancellation throws <see cref="OperationCanceledException"/>.</param>
    public ValidationReport ReadToRejectsFile(
        Stream input,
        Action<MentalHealthRecord> onAccepted,
        string rejectsPath,
        IProgress<double>? progress = null,
        CancellationToken ct = default
    )
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(onAccepted);
        ArgumentException.ThrowIfNullOrWhiteSpace(rejectsPath);
        return WriteThenMove(
            Path.GetFullPath(rejectsPath),
            writer => Read(input, onAccepted, writer, progress, ct)
        );
    }

    private static ValidationReport WriteThenMove(
        string target,
        Func<TextWriter, ValidationReport> read
    )
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(
            directory,
            $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp"
        );
        try
        {
            ValidationReport report;
            using (var writer = new StreamWriter(temporary, append: false, Utf8, TextBufferSize))
            {
                report = read(writer);
            }

            File.Move(temporary, target, overwrite: true);
            return report;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
