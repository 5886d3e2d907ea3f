using System.Net;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;
using MentalHealthInsights.Server.Hosting;
using MentalHealthInsights.Server.Tests.Fixtures;
using Microsoft.Extensions.Configuration;

namespace MentalHealthInsights.Server.Tests.PredictionLogging;

[Collection(TrainedModelGroup.Name)]
public sealed class PredictionLogTests(TrainedModelFixture models)
{
    [Fact]
    public async Task Predict_WithUserId_LoggedWithPseudonymAndLabelAttachable()
    {
        await using var factory = new ServerFactory(models.LrBundle);
        using var client = await factory.ReadyClientAsync();
        using var one = await client.PostAsync(
            new Uri("/v1/predict", UriKind.Relative),
            ServerFactory.Json(ServerFactory.Record(("User_ID", "\"person-17\"")))
        );
        using var batch = await client.PostAsync(
            new Uri("/v1/predict/batch", UriKind.Relative),
            ServerFactory.Json(
                "{\"records\":["
                    + ServerFactory.Record(("User_ID", null))
                    + ","
                    + ServerFactory.Record(("Age", "1"))
                    + "]}"
            )
        );
        var requestId = (await ServerFactory.ReadJsonAsync(one))
            .GetProperty("requestId")
            .GetString();

        var entries = await WaitForEntriesAsync(factory.PredictionLogPath, 2);

        var logged = entries.Single(e => e.SubjectKey is not null);
        var expectedKey = new SubjectPseudonymiser(
            "test-pseudonymisation-key-0123456789"u8
        ).Pseudonymise("person-17");
        Assert.Equal(expectedKey, logged.SubjectKey);
        Assert.Equal(requestId, logged.RequestId);
        Assert.Equal("api", logged.Source);
        Assert.Equal(34, logged.Age);
        Assert.Equal("High", logged.StressLevel);
        Assert.Null(entries.Single(e => e.SubjectKey is null).Outcome);

        using var unauthorised = await client.PostAsync(
            new Uri("/v1/labels", UriKind.Relative),
            ServerFactory.Json("{\"labels\":[{\"User_ID\":\"person-17\",\"outcome\":true}]}")
        );
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            new Uri("/v1/labels", UriKind.Relative)
        )
        {
            Content = ServerFactory.Json(
                "{\"labels\":[{\"User_ID\":\"person-17\",\"outcome\":true},{\"User_ID\":\"nobody\",\"outcome\":false},{\"User_ID\":\"person-17\",\"outcome\":true}]}"
            ),
        };
        request.Headers.Add("X-Api-Key", ServerFactory.AdminKey);
        using var labels = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        var answer = await ServerFactory.ReadJsonAsync(labels);
        // received = matched + unmatched + duplicates; updated counts predictions, not labels.
        Assert.Equal(3, answer.GetProperty("received").GetInt32());
        Assert.Equal(1, answer.GetProperty("matched").GetInt32());
        Assert.Equal(1, answer.GetProperty("unmatched").GetInt32());
        Assert.Equal(1, answer.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, answer.GetProperty("updated").GetInt32());
        var after = await ReadAllAsync(factory.PredictionLogPath);
        Assert.True(after.Single(e => e.SubjectKey == expectedKey).Outcome);
    }

    [Fact]
    public async Task Predict_QueueOverflows_DropsAreCountedAndRequestsSucceed()
    {
        await using var factory = new ServerFactory(
            models.LrBundle,
            settings: new()
            {
                ["PredictionLog:QueueCapacity"] = "1",
                ["PredictionLog:BatchSize"] = "1",
            }
        );
        using var client = await factory.ReadyClientAsync();
        var record = ServerFactory.Record();
        var batch = "{\"records\":[" + string.Join(",", Enumerable.Repeat(record, 500)) + "]}";

        using var response = await client.PostAsync(
            new Uri("/v1/predict/batch?explain=false", UriKind.Relative),
            ServerFactory.Json(batch)
        );
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dropped = metrics
            .Split('\n')
            .Single(l =>
                l.StartsWith("mhi_prediction_log_dropped_total ", StringComparison.Ordinal)
            );
        Assert.True(
            double.Parse(dropped.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)
                > 0,
            dropped
        );
    }

    [Fact]
    public async Task Start_LogOnWithoutKey_RefusesWithAClearMessage()
    {
        await using var factory = new ServerFactory(
            models.LrBundle,
            settings: new() { ["PredictionLog:PseudonymisationKey"] = "short" }
        );

        var settings = ServerSettings.From(
            new ConfigurationBuilder()
                .AddInMemoryCollection(
                    new Dictionary<string, string?>
                    {
                        ["PredictionLog:PseudonymisationKey"] = "short",
                    }
                )
                .Build()
        );

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains(
            settings.Problems,
            p => p.Contains("MHI_PSEUDONYMISATION_KEY", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Start_LogOff_ServesWithoutKey()
    {
        await using var factory = new ServerFactory(
            models.LrBundle,
            settings: new()
            {
                ["PredictionLog:PseudonymisationKey"] = "",
                ["PredictionLog:Enabled"] = "false",
            }
        );
        using var client = await factory.ReadyClientAsync();

        using var response = await client.PostAsync(
            new Uri("/v1/predict", UriKind.Relative),
            ServerFactory.Json(ServerFactory.Record())
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(File.Exists(factory.PredictionLogPath));
    }

    private static async Task<List<PredictionLogEntry>> WaitForEntriesAsync(string path, int count)
    {
        for (var i = 0; i < 200; i++)
        {
            if (File.Exists(path))
            {
                var entries = await ReadAllAsync(path);
                if (entries.Count >= count)
                {
                    return entries;
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The prediction log writer did not store the entries.");
    }

    private static async Task<List<PredictionLogEntry>> ReadAllAsync(string path)
    {
        var store = new SqlitePredictionLogStore(path);
        var entries = new List<PredictionLogEntry>();
        await foreach (
            var entry in store.ReadAsync(new PredictionLogQuery(), CancellationToken.None)
        )
        {
            entries.Add(entry);
        }
        return entries;
    }
}
