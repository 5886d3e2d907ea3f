using System.Collections.Concurrent;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// Cleaned, sorted reference samples of numerical columns by name, shared by the windows of one
/// drift-over-time analysis so a large reference is sorted once rather than once per window.
/// Valid for one reference dataset only. (Categorical columns are coded over reference ∪ current,
/// which changes with the window, so they are prepared per window.) Drift tests never modify a
/// sample, so sharing is safe across threads.
/// </summary>
internal sealed class ReferenceSampleCache
{
    private readonly ConcurrentDictionary<string, DriftSample> _samples = new(
        StringComparer.Ordinal
    );

    public DriftSample Numeric(MonitoringColumn column) =>
        _samples.GetOrAdd(column.Name, _ => DriftSample.From(column.Numbers));
}
