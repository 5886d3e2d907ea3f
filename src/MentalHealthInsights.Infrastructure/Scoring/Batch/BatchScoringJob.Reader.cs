using System.Runtime.CompilerServices;
using MentalHealthInsights.Core.Data.Validation;
using MentalHealthInsights.Infrastructure.Data;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

public sealed partial class BatchScoringJob
{
    // How often (in rows) cancellation is checked.
    private const int CheckEveryRows = 1024;

    // Rows of this schema take about 60 bytes; dividing a file's size by a little less gives a
    // row-count estimate that sizes the duplicate-id table once instead of doubling it.
    private const int AtLeastBytesPerRow = 48;

    // Rows wider than this (extra columns) are checked by the reader through Sep.
    private const int MaxSplitWidth = 64;

    /// <summary>
    /// Reads every input in order and copies every row (all partitions and the rows already
    /// committed too, so duplicate-id rules and counts are those of a full run) into chunks,
    /// marking this partition's rows after <paramref name="skip"/> to be kept. Quoted rows and
    /// rows not of the header's width are checked here, through Sep; the scoring threads check
    /// the others (<see cref="CheckRows"/>).
    /// </summary>
    /// <returns>The number of chunks and of data rows read.</returns>
    /// <exception cref="InvalidDataException">A file-level problem found while reading (names and line numbers only).</exception>
    private static (long Chunks, long Rows) ReadInputs(
        BatchPlan plan,
        long skip,
        FileValidator?[] validators,
        Func<BatchChunk> takeChunk,
        Action<BatchChunk> dispatch,
        IProgress<double>? progress,
        CancellationToken ct
    )
    {
        long read = 0;
        long sequence = 0;
        BatchChunk? chunk = null;
        long bytesBefore = 0;
        for (var fileIndex = 0; fileIndex < plan.Files.Count; fileIndex++)
        {
            var file = plan.Files[fileIndex];
            using var stream = BatchPlan.OpenInput(file, ct);
            using var text = new StreamReader(stream, BatchPlan.InputEncoding, true, 1 << 16);
            using var sep = OpenSep(text, file);
            var validator = HeaderValidator(sep, plan, file);
            validators[fileIndex] = validator;
            bool tooLong;
            while (TryMoveNext(sep, out tooLong))
            {
                var row = sep.Current;
                var raw = row.Span;
                if (raw.IsEmpty)
                {
                    continue;
                }

                if ((read % CheckEveryRows) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var ours = plan.Partition.Contains(read);
                var flags = (byte)(
                    (ours ? BatchChunk.Ours : 0) | (ours && read >= skip ? BatchChunk.Keep : 0)
                );
                var split = validator.Width <= MaxSplitWidth && row.ColCount == validator.Width;
                if (!split || raw.Contains('"'))
                {
                    flags |= BatchChunk.Checked;
                    // Only here, off the common path: a row without quotes ends at its line break.
                    if (CsvRecordLimit.StopsReading(raw, row.ColCount, validator.Width))
                    {
                        throw RecordTooLong(file, row.LineNumberFrom);
                    }
                }

                if (chunk is null)
                {
                    chunk = takeChunk();
                    chunk.Sequence = sequence++;
                }

                // The copy comes first: unescaping rewrites a quoted row's buffer in place.
                var index = chunk.Add(raw, row.LineNumberFrom, fileIndex, flags);
                if ((flags & BatchChunk.Checked) != 0)
                {
                    chunk.Check(index, validator.Validator, new UnlabelledRowFields(row));
                }

                read++;
                if (read % plan.ChunkRows == 0)
                {
                    chunk.Progress = Fraction(plan, bytesBefore + stream.Position);
                    dispatch(chunk);
                    chunk = null;
                }
            }

            if (tooLong)
            {
                throw RecordTooLong(file, StartOfUnreadableRecord(file, ct));
            }

            bytesBefore += file.Length;
        }

        if (read < skip)
        {
            throw new InvalidOperationException(
                "The input has fewer rows than the checkpoint committed: it changed since the job started. Run without --resume."
            );
        }

        if (chunk is not null)
        {
            chunk.Progress = 1;
            dispatch(chunk);
        }

        progress?.Report(1);
        return (sequence, read);
    }

    /// <summary>
    /// Checks the rows the reader left unchecked (every check but the duplicate-id one; any
    /// thread, any number of chunks at once).
    /// </summary>
    // Hot per-row loops: compiled once, optimised, instead of ReadyToRun code the tiered JIT would
    // compile again mid-run (as the validator's checks, see RecordValidator.Fields.cs).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckRows(BatchChunk chunk, FileValidator?[] validators)
    {
        Span<int> ends = stackalloc int[MaxSplitWidth];
        for (var i = 0; i < chunk.RowCount; i++)
        {
            if ((chunk.Flags[i] & BatchChunk.Checked) != 0)
            {
                continue;
            }

            var validator = validators[chunk.Files[i]]!;
            chunk.Check(
                i,
                validator.Validator,
                new BatchTextRowFields(chunk.RowText(i), ends[..validator.Width])
            );
        }
    }

    /// <summary>
    /// Finishes a checked chunk in input order (the previous chunk is settled, its counts are
    /// <paramref name="counts"/>): the duplicate-id
    /// check of its accepted rows, the running counts, the rejects lines of the rows it keeps,
    /// and its records to score packed to the front.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static BatchCounts Settle(
        BatchPlan plan,
        BatchChunk chunk,
        FileValidator?[] validators,
        BatchCounts counts,
        long skip,
        BatchCheckpoint committed
    )
    {
        var kept = 0;
        for (var i = 0; i < chunk.RowCount; i++)
        {
            var file = chunk.Files[i];
            var accepted = chunk.Accepted[i];
            var rejection = chunk.Rejections[i];
            if (accepted && !validators[file]!.Validator.TryAddUserId(chunk.UserIdKeys[i]))
            {
                accepted = false;
                rejection = RecordValidator.Duplicate;
            }

            var flags = chunk.Flags[i];
            var ours = (flags & BatchChunk.Ours) != 0;
            counts = new BatchCounts(
                counts.Read + 1,
                counts.Scored + (ours && accepted ? 1 : 0),
                counts.Rejected + (ours && !accepted ? 1 : 0),
                counts.Other + (ours ? 0 : 1)
            );
            if (counts.Read == skip)
            {
                Verify(counts, committed);
            }

            if ((flags & BatchChunk.Keep) == 0)
            {
                continue;
            }

            if (accepted)
            {
                chunk.Records[kept] = chunk.Records[i];
                chunk.Lines[kept] = chunk.Lines[i];
                chunk.Files[kept] = file;
                kept++;
            }
            else
            {
                chunk.RejectsWriter.Write(plan.Files[file].SourceText);
                chunk.RejectsWriter.Write(',');
                chunk.RejectsCsv.Write(chunk.Lines[i], rejection, chunk.RowText(i));
            }
        }

        chunk.Count = kept;
        chunk.CountsAtEnd = counts;
        chunk.Settled = true;
        return counts;
    }

    /// <summary>
    /// Stops the job at a record over <see cref="CsvRecordLimit.MaxLength"/> characters, or over
    /// Sep's own limit (16,777,216), naming the line it starts on.
    /// </summary>
    private static InvalidDataException RecordTooLong(BatchInputFile file, int line) =>
        new(
            $"{CsvRecordLimit.StoppedAt(Path.GetFileName(file.Path), line)} The output was not completed; fix the file and run again."
        );

    /// <summary>
    /// The line where the record Sep refused (over its 16,777,216-character limit) starts: the file
    /// is read again up to it (an error path only, so the reading loop tracks no line numbers).
    /// </summary>
    private static int StartOfUnreadableRecord(BatchInputFile file, CancellationToken ct)
    {
        using var stream = BatchPlan.OpenInput(file, ct);
        using var text = new StreamReader(stream, BatchPlan.InputEncoding, true, 1 << 16);
        using var sep = BatchPlan.SepOptions.From(text);
        var next = 1;
        while (TryMoveNext(sep, out _))
        {
            next = sep.Current.LineNumberToExcl;
        }

        return next;
    }

    private static SepReader OpenSep(TextReader text, BatchInputFile file)
    {
        try
        {
            return BatchPlan.SepOptions.From(text, leaveOpen: true);
        }
        catch (NotSupportedException)
        {
            throw new InvalidDataException(
                $"{Path.GetFileName(file.Path)}: the header row is longer than 16,777,216 characters."
            );
        }
    }

    private static FileValidator HeaderValidator(SepReader sep, BatchPlan plan, BatchInputFile file)
    {
        string? error = "The file is empty: expected a header row naming the columns.";
        if (TryMoveNext(sep, out _) && !sep.Current.Span.IsEmpty)
        {
            var header = sep.Current;
            var names = new string[header.ColCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = header[i].ToString();
            }

            if (BatchHeader.Map(names, out error) is { } map)
            {
                return new FileValidator(
                    new RecordValidator(map, plan.Validation, file.Length / AtLeastBytesPerRow),
                    names.Length
                );
            }
        }

        // The header was checked when the job was planned: the file changed since.
        throw new InvalidDataException($"{Path.GetFileName(file.Path)}: {error}");
    }

    /// <summary>One input's validator and the number of columns its header names.</summary>
    private sealed record FileValidator(RecordValidator Validator, int Width);

    /// <summary>Re-reading the committed rows must give the committed counts, or the input changed.</summary>
    private static void Verify(BatchCounts counts, BatchCheckpoint? committed)
    {
        if (
            committed is not null
            && (
                counts.Read != committed.RowsRead
                || counts.Scored != committed.RowsScored
                || counts.Rejected != committed.RowsRejected
                || counts.Other != committed.RowsOther
            )
        )
        {
            throw new InvalidOperationException(
                "Re-reading the committed rows gave different counts: the input changed since the job started. Run without --resume."
            );
        }
    }

    private static double Fraction(BatchPlan plan, long bytes) =>
        plan.TotalBytes == 0 ? 1 : Math.Clamp((double)bytes / plan.TotalBytes, 0, 1);

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
