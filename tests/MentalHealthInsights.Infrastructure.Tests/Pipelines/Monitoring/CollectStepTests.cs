using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines.Monitoring;

/// <summary>
/// The collect step on its own, as a caller that skipped the up-front parameter check would run
/// it: a bad window is a clear failure that is not retried, never a raw .NET exception.
/// </summary>
public sealed class CollectStepTests
{
    [Theory]
    [InlineData("9999999d", "", "parameter last must be at most 36500d")]
    [InlineData("7x", "", "parameter last must look like 7d, 24h or 90m")]
    [InlineData("7d", "2026-11-01", "use either last or from/to, not both.")]
    public async Task ExecuteAsync_BadWindow_NotRetryableWithClearMessage(
        string last,
        string from,
        string expected
    )
    {
        var inputs = new Dictionary<string, string>
        {
            ["current"] = "",
            ["prediction-log"] = "predictions.db",
            ["from"] = from,
            ["to"] = "",
            ["last"] = last,
        };

        var error = await Assert.ThrowsAsync<PipelineStepException>(() =>
            new CollectStep(TimeProvider.System).ExecuteAsync(
                new PipelineStepContext("run", "monitoring", inputs, inputs, 1),
                CancellationToken.None
            )
        );

        Assert.False(error.Retryable);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CurrentIsAFolder_SaysItIsAFolderNotMissing()
    {
        var folder = Directory.CreateTempSubdirectory("mhi-collect-").FullName;
        try
        {
            var inputs = new Dictionary<string, string>
            {
                ["current"] = folder,
                ["prediction-log"] = "predictions.db",
                ["from"] = "",
                ["to"] = "",
                ["last"] = "",
            };

            var error = await Assert.ThrowsAsync<PipelineStepException>(() =>
                new CollectStep(TimeProvider.System).ExecuteAsync(
                    new PipelineStepContext("run", "monitoring", inputs, inputs, 1),
                    CancellationToken.None
                )
            );

            Assert.Equal(
                $"the current file {folder} is a folder, not a file; give the path of a file.",
                error.Message
            );
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
