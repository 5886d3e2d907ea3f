using System.Runtime.CompilerServices;
using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring;

/// <summary>A small in-memory prediction log honouring the port's window and ordering contract.</summary>
internal sealed class InMemoryPredictionLogStore : IPredictionLogStore
{
    private readonly List<PredictionLogEntry> _entries = [];

    public Task AppendAsync(
        IReadOnlyList<PredictionLogEntry> entries,
        CancellationToken cancellationToken
    )
    {
        foreach (var entry in entries)
        {
            _entries.Add(entry with { Id = _entries.Count + 1 });
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<PredictionLogEntry> ReadAsync(
        PredictionLogQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        foreach (
            var entry in _entries
                .Where(e =>
                    (query.From is null || e.Timestamp >= query.From)
                    && (query.To is null || e.Timestamp < query.To)
                    && (query.ModelName is null || e.ModelName == query.ModelName)
                )
                .OrderBy(e => e.Timestamp)
                .ThenBy(e => e.Id)
        )
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return entry;
        }
    }

    public Task<OutcomeAttachment> AttachOutcomesAsync(
        IReadOnlyList<OutcomeLabel> outcomes,
        DateTimeOffset attachedAt,
        CancellationToken cancellationToken
    )
    {
        int updated = 0,
            matched = 0;
        foreach (var outcome in outcomes)
        {
            var before = updated;
            for (int i = 0; i < _entries.Count; i++)
            {
                if (_entries[i].SubjectKey == outcome.SubjectKey && _entries[i].Outcome is null)
                {
                    _entries[i] = _entries[i] with
                    {
                        Outcome = outcome.Outcome,
                        OutcomeAt = attachedAt,
                    };
                    updated++;
                }
            }
            if (updated > before)
            {
                matched++;
            }
        }
        return Task.FromResult(new OutcomeAttachment(outcomes.Count, matched, updated));
    }
}
