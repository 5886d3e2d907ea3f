using System.Buffers;
using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// Writes records as a CSV file that is the same bytes on every machine: the twelve
/// <see cref="DatasetSchema.Columns"/> in order, header first, comma-separated, LF line endings
/// (also after the last row), UTF-8 without BOM, numbers in the invariant culture.
/// </summary>
/// <remarks>
/// Field rules: a text field containing a comma, quote, CR or LF is quoted, with quotes doubled
/// (RFC 4180); NaN and null are empty fields; <c>bool?</c> is Yes/No; numbers are the shortest
/// round-trip form (<c>7.3</c>, <c>0.30000000000000004</c>), integral values with no decimals
/// (<c>42</c>, <c>1000000000000000</c>). Sep's writer is not used because it ends lines with
/// <see cref="Environment.NewLine"/>, which would make the bytes depend on the OS.
/// </remarks>
public static class CsvDatasetWriter
{
    private const int BufferSize = 1 << 16;

    // Integral doubles below 2^53 are exact longs; above it the shortest round-trip form is kept.
    private const double MaxExactInteger = 9007199254740992.0;

    // Progress is reported at most this many times, plus a final report.
    private const long ProgressSteps = 100;

    private static readonly UTF8Encoding Utf8NoBom = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );

    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");

    /// <summary>
    /// Writes a header and one row per record to <paramref name="output"/>, which is flushed and
    /// left open.
    /// </summary>
    /// <param name="records">The rows; enumerated once.</param>
    /// <param name="output">A writable stream.</param>
    /// <param name="expectedRows">
    /// How many rows to expect, for progress only; 0 (the default) means unknown and disables progress.
    /// </param>
    /// <param name="progress">
    /// Receives rows written / <paramref name="expectedRows"/> (capped at 1), synchronously on the
    /// writing thread, at most about 100 times, the last time when writing ends.
    /// </param>
    /// <param name="ct">Checked before every row; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The number of data rows written (the header is not counted).</returns>
    /// <exception cref="ArgumentException">A record is null.</exception>
    /// <exception cref="EncoderFallbackException">A string holds an unpaired surrogate (it has no UTF-8 form).</exception>
    public static long Write(
        IEnumerable<MentalHealthRecord> records,
        Stream output,
        long expectedRows = 0,
        IProgress<double>? progress = null,
        CancellationToken ct = default
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedRows);

        using var writer = new StreamWriter(output, Utf8NoBom, BufferSize, leaveOpen: true);
        WriteHeader(writer);

        var reportProgress = progress is not null && expectedRows > 0;
        var progressStep = Math.Max(1, (expectedRows + ProgressSteps - 1) / ProgressSteps);
        var nextReportAt = progressStep;
        var lastReportedAt = 0L;
        long rows = 0;
        foreach (var record in records)
        {
            ct.ThrowIfCancellationRequested();
            if (record is null)
            {
                throw new ArgumentException(
                    "The sequence contains a null record.",
                    nameof(records)
                );
            }

            WriteRecord(writer, record);
            rows++;
            if (reportProgress && rows == nextReportAt && rows <= expectedRows)
            {
                progress!.Report((double)rows / expectedRows);
                lastReportedAt = rows;
                nextReportAt += progressStep;
            }
        }

        writer.Flush();
        if (reportProgress && lastReportedAt != rows)
        {
            progress!.Report(Math.Min(1.0, (double)rows / expectedRows));
        }

        return rows;
    }

    /// <summary>
    /// Writes the records to <paramref name="path"/> as <see cref="Write"/> does. The parent
    /// directory is created if needed. Rows go to a hidden temporary file beside the target,
    /// which is flushed to disk and then renamed over it, so the target is either untouched or
    /// complete: never half written, even on cancellation, an exception or a crash.
    /// </summary>
    /// <returns>The number of data rows written.</returns>
    public static long WriteFile(
        IEnumerable<MentalHealthRecord> records,
        string path,
        long expectedRows = 0,
        IProgress<double>? progress = null,
        CancellationToken ct = default
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var fullPath = Path.GetFullPath(path);
        var directory =
            Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException("The path has no parent directory.", nameof(path));
        Directory.CreateDirectory(directory);
        var tempPath = Path.Combine(
            directory,
            $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp"
        );
        try
        {
            long rows;
            using (
                var stream = new FileStream(
                    tempPath,
                    FileMode.CreateNew,
                    FileAccess.Write,
                    FileShare.None,
                    bufferSize: 0
                )
            )
            {
                rows = Write(records, stream, expectedRows, progress, ct);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, fullPath, overwrite: true);
            return rows;
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    private static void WriteHeader(StreamWriter writer)
    {
        var columns = DatasetSchema.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteText(writer, columns[i]);
        }

        writer.Write('\n');
    }

    // The order must match DatasetSchema.Columns; a test compares the header with the fields.
    private static void WriteRecord(StreamWriter writer, MentalHealthRecord record)
    {
        WriteText(writer, record.UserId);
        writer.Write(',');
        WriteNumber(writer, record.Age);
        writer.Write(',');
        WriteText(writer, record.Gender);
        writer.Write(',');
        WriteText(writer, record.Occupation);
        writer.Write(',');
        WriteText(writer, record.Country);
        writer.Write(',');
        WriteYesNo(writer, record.HasCondition);
        writer.Write(',');
        WriteText(writer, record.Severity);
        writer.Write(',');
        WriteYesNo(writer, record.ConsultationHistory);
        writer.Write(',');
        WriteText(writer, record.StressLevel);
        writer.Write(',');
        WriteNumber(writer, record.SleepHours);
        writer.Write(',');
        WriteNumber(writer, record.WorkHours);
        writer.Write(',');
        WriteNumber(writer, record.PhysicalActivityHours);
        writer.Write('\n');
    }

    private static void WriteText(StreamWriter writer, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var rest = value.AsSpan();
        if (!rest.ContainsAny(NeedsQuoting))
        {
            writer.Write(rest);
            return;
        }

        writer.Write('"');
        int quote;
        while ((quote = rest.IndexOf('"')) >= 0)
        {
            writer.Write(rest[..(quote + 1)]);
            writer.Write('"');
            rest = rest[(quote + 1)..];
        }

        writer.Write(rest);
        writer.Write('"');
    }

    private static void WriteYesNo(StreamWriter writer, bool? value)
    {
        if (value is { } yes)
        {
            writer.Write(yes ? "Yes" : "No");
        }
    }

    private static void WriteNumber(StreamWriter writer, double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        Span<char> buffer = stackalloc char[32];
        int written;
        var formatted =
            Math.Abs(value) < MaxExactInteger && value == Math.Truncate(value)
                ? ((long)value).TryFormat(
                    buffer,
                    out written,
                    default,
                    CultureInfo.InvariantCulture
                )
                : value.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
        if (!formatted)
        {
            // Unreachable: the longest double ("-1.7976931348623157E+308") has 24 characters.
            throw new InvalidOperationException("A number did not fit the format buffer.");
        }

        writer.Write(buffer[..written]);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original exception matters more than a leftover temp file.
        }
        catch (UnauthorizedAccessException) { }
    }
}
