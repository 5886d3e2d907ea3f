using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Hosting;

/// <summary>Logs carry request ids and never a record value, whatever the request.</summary>
[Collection(TrainedModelGroup.Name)]
public sealed class StructuredLogTests(TrainedModelFixture models)
{
    [Fact]
    public async Task Requests_ValidInvalidAndMalformed_LogsHoldNoRecordValues()
    {
        await using var factory = new ServerFactory(models.XgbBundle);
        using var client = await factory.ReadyClientAsync();
        // Distinctive values that would show if any log line contained them.
        var record = ServerFactory.Record(
            ("User_ID", "\"SECRET-USER-4711\""),
            ("Age", "47.1133"),
            ("Sleep_Hours", "3.3311"),
            ("Country", "\"Zembla-Secret\"")
        );
        var posts = new[]
        {
            ("/v1/predict", record),
            ("/v1/predict/batch", "{\"records\":[" + record + "]}"),
            (
                "/v1/what-if",
                "{\"record\":" + record + ",\"feature\":\"Sleep_Hours\",\"values\":[7.7722]}"
            ),
            ("/v1/predict", record.Replace("47.1133", "\"47.1133-bad\"", StringComparison.Ordinal)),
            ("/v1/predict", record[..^5]),
        };
        foreach (var (path, json) in posts)
        {
            using var response = await client.PostAsync(
                new Uri(path, UriKind.Relative),
                ServerFactory.Json(json)
            );
        }
        await Task.Delay(500);

        var text = factory.Logs.AllText;
        Assert.NotEmpty(factory.Logs.Lines);
        foreach (var secret in new[] { "SECRET-USER", "47.1133", "3.3311", "Zembla", "7.7722" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
        Assert.Contains("Serving model", text, StringComparison.Ordinal);
        Assert.Contains("RequestId", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryValueOfTheWrongType_NotLoggedAsAnError()
    {
        await using var factory = new ServerFactory(models.XgbBundle);
        using var client = await factory.ReadyClientAsync();

        using var response = await client.PostAsync(
            new Uri("/v1/predict?top=Q-VALUE-9931", UriKind.Relative),
            ServerFactory.Json(ServerFactory.Record())
        );
        await Task.Delay(200);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Q-VALUE-9931", factory.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "unhandled exception",
            factory.Logs.AllText,
            StringComparison.OrdinalIgnoreCase
        );
    }
}
