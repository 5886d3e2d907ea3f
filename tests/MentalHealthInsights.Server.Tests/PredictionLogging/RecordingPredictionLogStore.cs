using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Server.Tests.PredictionLogging;

/// <summary>A prediction log that keeps every appended batch in memory, in order.</summary>
internal sealed class RecordingPredictionLogStore : IPredictionLogStore
{
    private readonly Lock _gate = new();
    private readonly List<string[]> _batches = [];

    /// <summary>The threads that appended: name and whether a thread-pool worker.</summary>
    public List<(string? Name, bool IsThreadPoolThread)> Threads { get; } = [];

    /// <summary>The subject keys of each batch appended so far.</summary>
    public IReadOnlyList<string[]> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    public Task AppendAsync(
        IReadOnlyList<PredictionLogEntry> entries,
        CancellationToken cancellationToken
    )
    {
        // Copied: the writer reuses its batch list.
        var keys = entries.Select(e => e.SubjectKey ?? "").ToArray();
        lock (_gate)
        {
            _batches.Add(keys);
            Threads.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
        }
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<PredictionLogEntry> ReadAsync(
        PredictionLogQuery query,
        CancellationToken cancellationToken
    ) => throw new NotSupportedException();

    public Task<OutcomeAttachment> AttachOutcomesAsync(
        IReadOnlyList<OutcomeLabel> outcomes,
        DateTimeOffset attachedAt,
        CancellationToken cancellationToken
    ) => throw new NotSupportedException();
}
