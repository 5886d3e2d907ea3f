namespace MentalHealthInsights.Infrastructure.Threading;

/// <summary>Waiting for background work on the way out of a failure.</summary>
internal static class TaskWaits
{
    /// <summary>
    /// Waits until <paramref name="task"/> has ended, ignoring how it ended: the caller is already
    /// on an error path whose own error matters more, and only needs the work to be over (not
    /// left running behind it).
    /// </summary>
    public static void WaitQuietly(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            task.Wait(CancellationToken.None);
        }
        catch (AggregateException) { }
    }
}
