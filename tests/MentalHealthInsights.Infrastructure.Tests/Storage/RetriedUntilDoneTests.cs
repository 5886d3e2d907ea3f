using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

public class RetriedUntilDoneTests
{
    [Fact]
    public async Task RunAsync_AfterSuccess_DoesNotRunAgain()
    {
        var runs = 0;
        var once = new RetriedUntilDone(() =>
        {
            runs++;
            return Task.CompletedTask;
        });

        await once.RunAsync();
        await once.RunAsync();

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task RunAsync_FailedThenCancelledAttempts_TriedAgainUntilOneSucceeds()
    {
        var runs = 0;
        var once = new RetriedUntilDone(() =>
            ++runs switch
            {
                1 => Task.FromException(new IOException("database down")),
                2 => Task.FromCanceled(new CancellationToken(canceled: true)),
                _ => Task.CompletedTask,
            }
        );

        await Assert.ThrowsAsync<IOException>(once.RunAsync);
        await Assert.ThrowsAsync<TaskCanceledException>(once.RunAsync);
        await once.RunAsync();
        await once.RunAsync();

        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task RunAsync_ConcurrentCallersWhileRunning_ShareOneAttempt()
    {
        var runs = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var once = new RetriedUntilDone(() =>
        {
            Interlocked.Increment(ref runs);
            return release.Task;
        });

        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(once.RunAsync)).ToArray();
        await Task.Delay(50);
        release.SetResult();
        await Task.WhenAll(callers);

        Assert.Equal(1, runs);
    }
}
