using MentalHealthInsights.Core.Training.Protocol;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

/// <summary>
/// Reports on the caller's thread, in order: Progress&lt;T&gt; posts to the thread pool, and the
/// protocol tests need the events in order, now.
/// </summary>
internal sealed class SynchronousProgress(Action<TrainingProgress> handler)
    : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value) => handler(value);
}
