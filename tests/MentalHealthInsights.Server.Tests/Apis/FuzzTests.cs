using System.Net;
using System.Text;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Apis;

/// <summary>
/// Thousands of random and malformed bodies against every POST endpoint: never a 500, and the
/// server still answers a valid request afterwards. Seeded, so a failure reproduces.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class FuzzTests(TrainedModelFixture models)
{
    private static readonly string[] Endpoints =
    [
        "/v1/predict",
        "/v1/predict/batch",
        "/v1/what-if",
        "/v1/predict?top=3",
    ];

    private static readonly string[] Fragments =
    [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "null",
        "true",
        "false",
        "-",
        "1e309",
        "NaN",
        "0",
        "-0.0",
        "1.7976931348623157e308",
        "\"Age\"",
        "\"Sleep_Hours\"",
        "\"Stress_Level\"",
        "\"Gender\"",
        "\"records\"",
        "\"record\"",
        "\"feature\"",
        "\"values\"",
        "\"High\"",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"é\"",
        "   ",
        "\n",
        "\\",
        "99999999999999999999999",
        "\"Consultation_History\"",
        "{}",
        "[]",
    ];

    [Fact]
    public async Task Post_RandomAndMalformedBodies_NeverA500()
    {
        await using var factory = new ServerFactory(models.XgbBundle);
        using var client = await factory.ReadyClientAsync();
        var random = new Random(20261129);
        var statuses = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < 3000; i++)
        {
            var body = Body(random, i);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
                "application/json"
            );
            using var response = await client.PostAsync(
                new Uri(Endpoints[i % Endpoints.Length], UriKind.Relative),
                content
            );
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            Assert.True(
                (int)response.StatusCode < 500,
                $"case {i}: {(int)response.StatusCode} for body {Convert.ToBase64String(body)}"
            );
        }
        using var valid = await client.PostAsync(
            new Uri("/v1/predict", UriKind.Relative),
            ServerFactory.Json(ServerFactory.Record())
        );

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 1000);
    }

    private static byte[] Body(Random random, int i)
    {
        switch (i % 4)
        {
            case 0:
                // Random bytes, including invalid UTF-8.
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                return bytes;
            case 1:
                // Random JSON-ish token soup.
                var soup = new StringBuilder();
                for (var n = random.Next(1, 40); n > 0; n--)
                {
                    soup.Append(Fragments[random.Next(Fragments.Length)]);
                }
                return Encoding.UTF8.GetBytes(soup.ToString());
            case 2:
                // A valid record with one member replaced by a random fragment.
                var names = new[]
                {
                    "Age",
                    "Gender",
                    "Occupation",
                    "Country",
                    "Consultation_History",
                    "Stress_Level",
                    "Sleep_Hours",
                    "Work_Hours",
                    "Physical_Activity_Hours",
                    "User_ID",
                };
                var record = ServerFactory.Record(
                    (names[random.Next(names.Length)], Fragments[random.Next(Fragments.Length)])
                );
                return Encoding.UTF8.GetBytes(
                    random.Next(3) switch
                    {
                        0 => record,
                        1 => "{\"records\":[" + record + "," + record + "]}",
                        _ => "{\"record\":"
                            + record
                            + ",\"feature\":\"Sleep_Hours\",\"values\":["
                            + Fragments[random.Next(Fragments.Length)]
                            + "]}",
                    }
                );
            default:
                // A valid record cut at a random point.
                var full = Encoding.UTF8.GetBytes(ServerFactory.Record());
                return full[..random.Next(full.Length)];
        }
    }
}
