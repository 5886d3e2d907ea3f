using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

/// <summary>
/// Stops a batch job from its own progress reports, which arrive on the writer thread after a
/// commit: the job stops between two commits and leaves its checkpoint and partial files.
/// </summary>
internal static class BatchInterruption
{
    /// <summary>Runs the job, cancels it at its <paramref name="reports"/>-th progress report and asserts that it stopped.</summary>
    public static void RunUntilReport(BatchScoringJob job, BatchScoringOptions options, int reports)
    {
        using var stop = new CancellationTokenSource();
        var seen = 0;
        var progress = new SynchronousProgress(_ =>
        {
            if (++seen == reports)
            {
                stop.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => job.Run(options, progress, stop.Token));
    }

    /// <summary>The resumed run wrote exactly the uninterrupted run's output and rejects files.</summary>
    public static void AssertSameFiles(BatchScoringResult uninterrupted, BatchScoringResult resumed)
    {
        Assert.Equal(
            File.ReadAllBytes(uninterrupted.OutputPath),
            File.ReadAllBytes(resumed.OutputPath)
        );
        Assert.Equal(
            File.ReadAllBytes(uninterrupted.RejectsPath),
            File.ReadAllBytes(resumed.RejectsPath)
        );
    }

    /// <summary>Calls back on the reporting thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
