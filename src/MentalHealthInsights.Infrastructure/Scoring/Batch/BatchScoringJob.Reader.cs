using MentalHealthInsights.Core.Data.Validation;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

public sealed partial class BatchScoringJob
{
    // How often (in rows) cancellation is checked.
    private const int CheckEveryRows = 1024;

    // Rows of this schema take about 60 bytes; dividing a file's size by a little less gives a
    // row-count estimate that sizes the duplicate-id table once instead of doubling it.
    private const int AtLeastBytesPerRow = 48;

    /// <summary>
    /// Reads every input in order, validating every row (all partitions and the rows already
    /// committed too, so duplicate-id rules and counts are those of a full run), and hands this
    /// partition's rows after <paramref name="skip"/> to chunks.
    /// </summary>
    /// <returns>The final counts.</returns>
    /// <exception cref="InvalidDataException">A file-level problem found while reading (names and line numbers only).</exception>
    private static BatchCounts ReadInputs(
        BatchPlan plan,
        long skip,
        BatchCheckpoint? committed,
        Func<BatchChunk> takeChunk,
        Action<BatchChunk> dispatch,
        IProgress<double>? progress,
        CancellationToken ct
    )
    {
        var counts = default(BatchCounts);
        BatchChunk? chunk = null;
        long bytesBefore = 0;
        var originalCopy = Array.Empty<char>();
        if (skip == 0)
        {
            Verify(counts, committed);
        }

        for (var fileIndex = 0; fileIndex < plan.Files.Count; fileIndex++)
        {
            var file = plan.Files[fileIndex];
            using var stream = BatchPlan.OpenInput(file, ct);
            using var text = new StreamReader(stream, BatchPlan.InputEncoding, true, 1 << 16);
            using var sep = OpenSep(text, file);
            var validator = HeaderValidator(sep, plan, file);
            bool tooLong;
            while (TryMoveNext(sep, out tooLong))
            {
                var row = sep.Current;
                var raw = row.Span;
                if (raw.IsEmpty)
                {
                    continue;
                }

                var index = counts.Read;
                if ((index % CheckEveryRows) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var ours = plan.Partition.Contains(index);
                var keep = ours && index >= skip;
                // Unescaping rewrites the row buffer in place: keep a quoted row's text first.
                var original = raw;
                if (keep && raw.Contains('"'))
                {
                    if (originalCopy.Length < raw.Length)
                    {
                        originalCopy = new char[Math.Max(raw.Length, 2 * originalCopy.Length)];
                    }

                    raw.CopyTo(originalCopy);
                    original = originalCopy.AsSpan(0, raw.Length);
                }

                var accepted = validator.TryValidate(
                    new BatchRowFields(row),
                    out var record,
                    out var rejection
                );
                counts = counts with
                {
                    Read = counts.Read + 1,
                    Scored = counts.Scored + (ours && accepted ? 1 : 0),
                    Rejected = counts.Rejected + (ours && !accepted ? 1 : 0),
                    Other = counts.Other + (ours ? 0 : 1),
                };
                if (counts.Read == skip)
                {
                    Verify(counts, committed);
                }

                if (keep)
                {
                    chunk ??= takeChunk();
                    if (accepted)
                    {
                        chunk.Records[chunk.Count] = record!;
                        chunk.Lines[chunk.Count] = row.LineNumberFrom;
                        chunk.Files[chunk.Count] = fileIndex;
                        chunk.Count++;
                    }
                    else
                    {
                        chunk.RejectsWriter.Write(file.SourceText);
                        chunk.RejectsWriter.Write(',');
                        chunk.RejectsCsv.Write(row.LineNumberFrom, rejection, original);
                    }
                }

                if (chunk is not null && counts.Read % plan.ChunkRows == 0)
                {
                    chunk.CountsAtEnd = counts;
                    chunk.Progress = Fraction(plan, bytesBefore + stream.Position);
                    dispatch(chunk);
                    chunk = null;
                }
            }

            if (tooLong)
            {
                throw new InvalidDataException(
                    $"{Path.GetFileName(file.Path)}: reading stopped after {counts.Read} data rows: a row is longer than 16,777,216 characters, usually because a quote (\") is never closed."
                );
            }

            bytesBefore += file.Length;
        }

        if (counts.Read < skip)
        {
            throw new InvalidOperationException(
                "The input has fewer rows than the checkpoint committed: it changed since the job started. Run without --resume."
            );
        }

        if (chunk is not null)
        {
            chunk.CountsAtEnd = counts;
            chunk.Progress = 1;
            dispatch(chunk);
        }

        progress?.Report(1);
        return counts;
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

    private static RecordValidator HeaderValidator(
        SepReader sep,
        BatchPlan plan,
        BatchInputFile file
    )
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
                return new RecordValidator(map, plan.Validation, file.Length / AtLeastBytesPerRow);
            }
        }

        // The header was checked when the job was planned: the file changed since.
        throw new InvalidDataException($"{Path.GetFileName(file.Path)}: {error}");
    }

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
