using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MentalHealthInsights.Infrastructure.Threading;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

public sealed partial class BatchScoringJob
{
    /// <summary>The committed state the job continues from, and how many rows an earlier attempt committed.</summary>
    private readonly record struct JobState(BatchCheckpoint Checkpoint, long ResumedAfterRows);

    /// <summary>Starts over, or continues from a matching checkpoint when resuming.</summary>
    private static JobState Prepare(BatchPlan plan, bool resume)
    {
        if (resume && BatchCheckpoint.TryRead(plan.CheckpointPath) is { } checkpoint)
        {
            if (!string.Equals(checkpoint.Fingerprint, plan.Fingerprint, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The checkpoint {plan.CheckpointPath} belongs to another job (the inputs, model, options or key differ). Run without --resume to start over."
                );
            }

            if (
                !checkpoint.Finished
                && (
                    Length(plan.OutputPartial) < checkpoint.OutputBytes
                    || Length(plan.RejectsPartial) < checkpoint.RejectsBytes
                )
            )
            {
                throw new InvalidOperationException(
                    "The partial output or rejects file is missing or shorter than the checkpoint says. Run without --resume to start over."
                );
            }

            return new JobState(checkpoint, checkpoint.RowsConsumed);
        }

        File.Delete(plan.CheckpointPath);
        Directory.CreateDirectory(Path.GetDirectoryName(plan.Output)!);
        Directory.CreateDirectory(Path.GetDirectoryName(plan.Rejects)!);
        var outputHeader = Encoding.UTF8.GetBytes(OutputHeader + "\n");
        var rejectsHeader = Encoding.UTF8.GetBytes(RejectsHeader + "\n");
        File.WriteAllBytes(plan.OutputPartial, outputHeader);
        File.WriteAllBytes(plan.RejectsPartial, rejectsHeader);
        var fresh = new BatchCheckpoint
        {
            Fingerprint = plan.Fingerprint,
            ScoredAt = plan.ScoredAt.ToString(
                BatchPlan.TimestampFormat,
                CultureInfo.InvariantCulture
            ),
            OutputBytes = outputHeader.Length,
            RejectsBytes = rejectsHeader.Length,
        };
        fresh.Write(plan.CheckpointPath);
        return new JobState(fresh, 0);
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : -1;

    /// <summary>Renames the finished files into place (idempotent, so an interrupted finish can be resumed).</summary>
    private static void Finish(BatchPlan plan, BatchCheckpoint checkpoint)
    {
        if (!checkpoint.Finished)
        {
            return;
        }

        if (File.Exists(plan.RejectsPartial))
        {
            File.Move(plan.RejectsPartial, plan.Rejects, overwrite: true);
        }

        if (File.Exists(plan.OutputPartial))
        {
            File.Move(plan.OutputPartial, plan.Output, overwrite: true);
        }

        File.Delete(plan.CheckpointPath);
    }

    /// <summary>Runs the reader, the scoring threads and the ordered writer until every row is committed.</summary>
    private JobState Score(
        BatchPlan plan,
        JobState state,
        IProgress<double>? progress,
        CancellationToken cancellationToken
    )
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ct = stop.Token;
        var format = new BatchRowFormat(plan, state.Checkpoint.ScoredAt);
        var chunkCount = BatchScoringOptions.PoolChunks(plan.Parallelism);
        using var pool = new BlockingCollection<BatchChunk>();
        for (var i = 0; i < chunkCount; i++)
        {
            pool.Add(new BatchChunk(plan.ChunkRows), CancellationToken.None);
        }

        using var work = new BlockingCollection<BatchChunk>();
        using var ordered = new BlockingCollection<BatchChunk>();
        var committed = state.Checkpoint;
        var skip = state.ResumedAfterRows;
        if (skip == 0)
        {
            Verify(default, committed);
        }

        var validators = new FileValidator?[plan.Files.Count];
        var resumedFrom = committed;
        // One queue of work for the scoring threads: chunks to check (from the reader) and
        // settled chunks to score (from the settler, which completes it after the last chunk).
        var settler = new BatchSettler(
            (chunk, counts) => Settle(plan, chunk, validators, counts, skip, resumedFrom),
            chunk => Hand(work, chunk),
            work.CompleteAdding
        );
        var reader = Task.Factory.StartNew(
            () =>
            {
                var done = false;
                try
                {
                    var (chunks, rows) = ReadInputs(
                        plan,
                        skip,
                        validators,
                        () => pool.Take(ct),
                        chunk =>
                        {
                            work.Add(chunk, ct);
                            ordered.Add(chunk, ct);
                        },
                        progress,
                        ct
                    );
                    settler.ReaderDone(chunks);
                    done = true;
                    return rows;
                }
                finally
                {
                    ordered.CompleteAdding();
                    if (!done)
                    {
                        work.CompleteAdding();
                    }
                }
            },
            ct,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default
        );
        var scorers = new Task[plan.Parallelism];
        for (var i = 0; i < scorers.Length; i++)
        {
            scorers[i] = Task.Factory.StartNew(
                () =>
                {
                    // Checked in parallel, settled in input order (by whichever thread hands
                    // over the chunk due; nobody waits), scored in parallel.
                    foreach (var chunk in work.GetConsumingEnumerable(ct))
                    {
                        try
                        {
                            if (!chunk.Settled)
                            {
                                CheckRows(chunk, validators);
                                settler.Checked(chunk);
                                continue;
                            }

                            format.Write(chunk, predictor);
                        }
#pragma warning disable CA1031 // Handed to the writer thread, which rethrows it.
                        catch (Exception e)
#pragma warning restore CA1031
                        {
                            chunk.Error = e;
                        }

                        chunk.Scored.Set();
                    }
                },
                ct,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default
            );
        }

        try
        {
            committed = WriteInOrder(plan, committed, ordered, pool, progress, ct);
            var read = reader.GetAwaiter().GetResult();
            // Every chunk was settled before the writer took it.
            var counts = settler.Counts;
            if (counts.Read != read)
            {
                throw new InvalidOperationException(
                    $"Internal error: {read} rows read but {counts.Read} settled."
                );
            }

            committed = committed with
            {
                RowsConsumed = counts.Read,
                RowsRead = counts.Read,
                RowsScored = counts.Scored,
                RowsRejected = counts.Rejected,
                RowsOther = counts.Other,
                Finished = true,
            };
            committed.Write(plan.CheckpointPath);
            return state with { Checkpoint = committed };
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            stop.Cancel();
            TaskWaits.WaitQuietly(reader);
            foreach (var scorer in scorers)
            {
                TaskWaits.WaitQuietly(scorer);
            }

            // A reader error is the root cause of an incomplete write: surface it first.
            if (
                reader.IsFaulted
                && reader.Exception!.InnerException is { } readerError
                && readerError is not OperationCanceledException
            )
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(readerError);
            }
        }
    }

    /// <summary>
    /// Queues a settled chunk for scoring. When the reader failed it has closed the queue: the
    /// chunk is then marked failed, so the writer stops at it and the reader's error is reported.
    /// </summary>
    private static void Hand(BlockingCollection<BatchChunk> work, BatchChunk chunk)
    {
        try
        {
            work.Add(chunk, CancellationToken.None);
        }
        catch (InvalidOperationException) when (work.IsAddingCompleted)
        {
            chunk.Error = new OperationCanceledException(
                "The job stopped before this chunk was scored."
            );
            chunk.Scored.Set();
        }
    }

    private static BatchCheckpoint WriteInOrder(
        BatchPlan plan,
        BatchCheckpoint committed,
        BlockingCollection<BatchChunk> ordered,
        BlockingCollection<BatchChunk> pool,
        IProgress<double>? progress,
        CancellationToken ct
    )
    {
        using var output = OpenAt(plan.OutputPartial, committed.OutputBytes);
        using var rejects = OpenAt(plan.RejectsPartial, committed.RejectsBytes);
        using var committer = new BatchCommitter(plan.CheckpointPath);
        var buffer = new byte[1 << 16];
        var positives = committed.Positives;
        foreach (var chunk in ordered.GetConsumingEnumerable(ct))
        {
            chunk.Scored.Wait(ct);
            if (chunk.Error is { } error)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }

            if (chunk.CountsAtEnd.Read <= committed.RowsConsumed)
            {
                // Rows a resumed job re-reads up to where it left off: settled (the duplicate-id
                // rule and the counts need them), nothing to write, never committed again.
                chunk.Reset();
                pool.Add(chunk, ct);
                continue;
            }

            output.Write(chunk.Output, 0, chunk.OutputLength);
            foreach (var part in chunk.Rejects.GetChunks())
            {
                var needed = Utf8.GetMaxByteCount(part.Length);
                if (buffer.Length < needed)
                {
                    buffer = new byte[needed];
                }

                rejects.Write(buffer, 0, Utf8.GetBytes(part.Span, buffer));
            }

            // Rows reach the operating system before the checkpoint names them (a killed process
            // loses nothing committed); the final flush also forces them to disk.
            output.Flush();
            rejects.Flush();
            positives += chunk.Positives;
            var counts = chunk.CountsAtEnd;
            committed = committed with
            {
                RowsConsumed = counts.Read,
                OutputBytes = output.Position,
                RejectsBytes = rejects.Position,
                RowsRead = counts.Read,
                RowsScored = counts.Scored,
                RowsRejected = counts.Rejected,
                RowsOther = counts.Other,
                Positives = positives,
            };
            committer.Submit(committed);
            progress?.Report(chunk.Progress);
            chunk.Reset();
            pool.Add(chunk, ct);
        }

        committer.Complete();
        output.Flush(flushToDisk: true);
        rejects.Flush(flushToDisk: true);
        return committed;
    }

    private static FileStream OpenAt(string path, long length)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 1 << 16);
        stream.SetLength(length);
        stream.Position = length;
        return stream;
    }
}
