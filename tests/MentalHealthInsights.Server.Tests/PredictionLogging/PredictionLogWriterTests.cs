using System.Globalization;
using System.Net;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;
using MentalHealthInsights.Server.PredictionLogging;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.PredictionLogging;

[Collection(TrainedModelGroup.Name)]
public sealed class PredictionLogWriterTests(TrainedModelFixture models)
{
    [Fact]
    public async Task Predict_WriterNicenessSet_EntriesStoredByALowPriorityWriterThread()
    {
        await using var factory = new ServerFactory(
            models.LrBundle,
            settings: new() { ["PredictionLog:WriterNiceness"] = "7" }
        );
        using var client = await factory.ReadyClientAsync();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync(
                new Uri("/v1/predict", UriKind.Relative),
                ServerFactory.Json(ServerFactory.Record())
            );
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var store = new SqlitePredictionLogStore(factory.PredictionLogPath);
        for (
            var i = 0;
            i < 200 && (!File.Exists(store.DatabasePath) || await store.CountAsync() < 3);
            i++
        )
        {
            await Task.Delay(50);
        }
        Assert.Equal(3, await store.CountAsync());
        // The writer is a thread of its own (Linux shows its name cut to 15 characters).
        Assert.Contains(7, WriterThreadNiceValues());
    }

    [Fact]
    public void TryLowerCurrentThread_OnAThread_ChangesThatThreadOnly()
    {
        var before = NiceOf("thread-self");
        bool changed = false;
        var niceOnThread = -1;
        var thread = new Thread(() =>
        {
            changed = ThreadNiceness.TryLowerCurrentThread(12);
            niceOnThread = NiceOf("thread-self");
        });
        thread.Start();
        thread.Join();

        Assert.True(changed);
        Assert.Equal(12, niceOnThread);
        Assert.Equal(before, NiceOf("thread-self"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(20)]
    public void FindProblem_WriterNicenessOutOfRange_NamesTheSetting(int niceness)
    {
        var options = new PredictionLogOptions
        {
            PseudonymisationKey = "test-pseudonymisation-key-0123456789",
            WriterNiceness = niceness,
        };

        Assert.Contains("WriterNiceness", options.FindProblem(), StringComparison.Ordinal);
    }

    private static List<int> WriterThreadNiceValues()
    {
        var values = new List<int>();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            var comm = File.ReadAllText(Path.Combine(task, "comm")).Trim();
            if (comm.StartsWith("prediction-log", StringComparison.Ordinal))
            {
                values.Add(NiceOf("self/task/" + Path.GetFileName(task)));
            }
        }
        return values;
    }

    /// <summary>Field 19 (nice) of /proc/PATH/stat; the name in parentheses may hold spaces.</summary>
    private static int NiceOf(string path)
    {
        var stat = File.ReadAllText($"/proc/{path}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
