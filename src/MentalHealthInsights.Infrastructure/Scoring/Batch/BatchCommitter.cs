namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// Writes checkpoints on its own thread, so the ordered writer never waits for one: replacing a
/// file by rename costs milliseconds on ext4 (it starts the new file's write-back), which at
/// one commit per chunk stalled the whole pipeline. Only the newest submitted checkpoint is
/// written when several arrive while one is being written; each names rows already flushed to
/// the operating system, so whichever is on disk is a valid resume point (as before, a kill can
/// cost the chunks after the last written checkpoint, which resume rewrites identically).
/// </summary>
internal sealed class BatchCommitter : IDisposable
{
    private readonly string path;
    private readonly object gate = new();
    private readonly Thread thread;
    private BatchCheckpoint? pending;
    private bool completing;
    private Exception? error;

    public BatchCommitter(string path)
    {
        this.path = path;
        thread = new Thread(Loop) { IsBackground = true, Name = "mhi batch checkpoints" };
        thread.Start();
    }

    /// <summary>Queues <paramref name="checkpoint"/>, replacing a queued one not yet written.</summary>
    /// <exception cref="IOException">An earlier checkpoint could not be written.</exception>
    public void Submit(BatchCheckpoint checkpoint)
    {
        lock (gate)
        {
            ThrowIfFailed();
            pending = checkpoint;
            Monitor.Pulse(gate);
        }
    }

    /// <summary>Writes the last queued checkpoint, stops the thread and reports a failed write.</summary>
    public void Complete()
    {
        Stop();
        lock (gate)
        {
            ThrowIfFailed();
        }
    }

    /// <summary>As <see cref="Complete"/> without throwing (error and cancellation paths).</summary>
    public void Dispose() => Stop();

    private void Stop()
    {
        lock (gate)
        {
            completing = true;
            Monitor.Pulse(gate);
        }

        thread.Join();
    }

    private void ThrowIfFailed()
    {
        if (error is not null)
        {
            throw new IOException("Writing the batch checkpoint failed.", error);
        }
    }

    private void Loop()
    {
        while (true)
        {
            BatchCheckpoint next;
            lock (gate)
            {
                while (pending is null && !completing)
                {
                    Monitor.Wait(gate);
                }

                if (pending is null || error is not null)
                {
                    return;
                }

                next = pending;
                pending = null;
            }

            try
            {
                next.Write(path);
            }
#pragma warning disable CA1031 // Reported to the writer thread by Submit or Complete.
            catch (Exception e)
#pragma warning restore CA1031
            {
                lock (gate)
                {
                    error = e;
                }

                return;
            }
        }
    }
}
