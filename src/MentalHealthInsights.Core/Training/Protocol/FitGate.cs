namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// Bounds the model fits running at once across the trainers that search side by side (the
/// run's <see cref="TrainingOptions.Parallelism"/>), so that running trainers concurrently keeps
/// the cores busy without oversubscribing them. Slots are handed over in arrival order, except
/// that a <c>first</c> caller goes ahead of every ordinary one: the search gives that to a
/// trainer whose fits form a serial chain (<see cref="IBinaryTrainer.FitsOneAtATime"/>), the
/// run's critical path, so that the chain starts at once and never waits behind the fits of
/// trainers that can use any free slot ("longest path first" list scheduling).
/// </summary>
internal sealed class FitGate
{
    private readonly object _sync = new();
    private readonly LinkedList<TaskCompletionSource> _first = new();
    private readonly LinkedList<TaskCompletionSource> _rest = new();
    private int _free;

    /// <summary>A gate of <paramref name="slots"/> slots.</summary>
    public FitGate(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _free = slots;
    }

    /// <summary>Callers queued for a slot.</summary>
    public int Waiting
    {
        get
        {
            lock (_sync)
            {
                return _first.Count + _rest.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="fit"/> once a slot is free, ahead of ordinary callers if <paramref name="first"/>.</summary>
    public void Run(Action fit, CancellationToken cancellationToken, bool first = false)
    {
        Enter(first, cancellationToken);
        try
        {
            fit();
        }
        finally
        {
            Leave();
        }
    }

    private void Enter(bool first, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LinkedListNode<TaskCompletionSource> node;
        lock (_sync)
        {
            if (_free > 0 && _first.Count == 0 && (first || _rest.Count == 0))
            {
                _free--;
                return;
            }

            node = (first ? _first : _rest).AddLast(
                new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
            );
        }

        try
        {
            node.Value.Task.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_sync)
            {
                if (node.List is not null)
                {
                    // Still queued: it never got a slot.
                    node.List.Remove(node);
                    throw;
                }
            }

            // The slot was handed over as the wait was cancelled: pass it on.
            Leave();
            throw;
        }
    }

    private void Leave()
    {
        lock (_sync)
        {
            var queue =
                _first.Count > 0 ? _first
                : _rest.Count > 0 ? _rest
                : null;
            if (queue is null)
            {
                _free++;
                return;
            }

            var next = queue.First!;
            queue.RemoveFirst();
            next.Value.SetResult();
        }
    }
}
