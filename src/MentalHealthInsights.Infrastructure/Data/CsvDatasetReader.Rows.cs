using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Data;

public sealed partial class CsvDatasetReader
{
    private ValidationReport ReadText(
        TextReader text,
        Action<MentalHealthRecord> onAccepted,
        RejectsCsvWriter? rejects,
        ByteProgress progress,
        CancellationToken ct
    )
    {
        SepReader sep;
        try
        {
            sep = SepOptions.From(text, leaveOpen: true);
        }
        catch (NotSupportedException)
        {
            return RecordValidator.CreateFatalReport(RowTooLongMessage(1));
        }

        using (sep)
        {
            if (!TryMoveNext(sep, out var tooLong))
            {
                return RecordValidator.CreateFatalReport(
                    tooLong ? RowTooLongMessage(1) : EmptyFileMessage
                );
            }

            var headerError = ReadHeader(
                sep.Current,
                target,
                out var columns,
                out var unlabelled,
                out var warnings
            );
            if (headerError is not null)
            {
                return RecordValidator.CreateFatalReport(headerError, warnings);
            }

            var report = ReadRows(
                sep,
                new RecordValidator(columns!, options),
                // The file's own fields (an unlabelled map also holds the two virtual ones).
                columns!.FieldCount - (unlabelled ? UnlabelledHeader.VirtualColumns : 0),
                unlabelled,
                warnings,
                onAccepted,
                rejects,
                progress,
                ct
            );
            return unlabelled ? report with { Unlabelled = true } : report;
        }
    }

    private static ValidationReport ReadRows(
        SepReader sep,
        RecordValidator validator,
        int headerFields,
        bool unlabelled,
        List<string> warnings,
        Action<MentalHealthRecord> onAccepted,
        RejectsCsvWriter? rejects,
        ByteProgress progress,
        CancellationToken ct
    )
    {
        var originalCopy = Array.Empty<char>();
        long blankLines = 0;
        var lastLine = 1;
        var rowsSinceCheck = 0;
        // The line where a record too long to read starts (CsvRecordLimit); 0 when none.
        var stoppedAt = 0;
        bool tooLong;
        while (TryMoveNext(sep, out tooLong))
        {
            if (++rowsSinceCheck == CheckEveryRows)
            {
                rowsSinceCheck = 0;
                ct.ThrowIfCancellationRequested();
                progress.Update();
            }

            var row = sep.Current;
            lastLine = row.LineNumberToExcl - 1;
            var raw = row.Span;
            if (raw.IsEmpty)
            {
                blankLines++;
                continue;
            }

            if (CsvRecordLimit.StopsReading(raw, row.ColCount, headerFields))
            {
                stoppedAt = row.LineNumberFrom;
                break;
            }

            // Unescaping rewrites the row buffer in place, so keep the original text of a
            // quoted row before any field is read, in case the row is rejected.
            var original = rejects is null
                ? raw
                : RejectsCsvWriter.KeepOriginal(raw, ref originalCopy);

            // An unlabelled file's rows get the outcome columns as virtual fields.
            var accepted = unlabelled
                ? validator.TryValidate(
                    new UnlabelledRowFields(row),
                    out var record,
                    out var rejection
                )
                : validator.TryValidate(new SepRowFields(row), out record, out rejection);
            if (accepted)
            {
                // Set whenever TryValidate returned true (the branch hides that from the compiler).
                onAccepted(record!);
            }
            else
            {
                rejects?.Write(row.LineNumberFrom, rejection, original);
            }
        }

        if (tooLong)
        {
            // Sep refused a record over its own limit: it starts where the last row read ended.
            stoppedAt = lastLine + 1;
        }

        if (validator.RowsRead == 0 && stoppedAt == 0)
        {
            warnings.Add("The file has a header but no data rows.");
        }

        if (blankLines > 0)
        {
            warnings.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Skipped {blankLines} blank line(s); they are not rows."
                )
            );
        }

        return validator.CreateReport(
            warnings,
            stoppedAt > 0 ? RowTooLongMessage(stoppedAt) : null
        );
    }

    // Sep refuses rows beyond its buffer limit (16 M characters), typically an unterminated
    // quote swallowing the rest of the file; that ends reading with a fatal error.
    private static bool TryMoveNext(SepReader sep, out bool tooLong)
    {
        try
        {
            tooLong = false;
            return sep.MoveNext();
        }
        catch (NotSupportedException)
        {
            tooLong = true;
            return false;
        }
    }
}
