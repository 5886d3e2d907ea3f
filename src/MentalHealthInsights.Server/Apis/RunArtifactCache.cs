using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// What the model page's readers keep of finished training runs (which never change), by key: at
/// most <paramref name="limit"/> entries, all dropped at once when it is full (simple, and a
/// server shows a handful of versions). Safe to use from concurrent requests.
/// </summary>
internal sealed class RunArtifactCache<TValue>(int limit)
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value) =>
        _entries.TryGetValue(key, out value);

    public void Set(string key, TValue value)
    {
        if (_entries.Count >= limit)
        {
            _entries.Clear();
        }
        _entries[key] = value;
    }
}
