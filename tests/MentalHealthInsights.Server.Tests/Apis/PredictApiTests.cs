using System.Net;
using System.Text.Json;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Apis;

[Collection(TrainedModelGroup.Name)]
public sealed class PredictApiTests(TrainedModelFixture models) : IAsyncLifetime
{
    private ServerFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new ServerFactory(
            models.XgbBundle,
            settings: new() { ["Serving:MaxBodyBytes"] = "2048" }
        );
        _client = await _factory.ReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        _client.PostAsync(new Uri(path, UriKind.Relative), ServerFactory.Json(json));

    [Fact]
    public async Task Predict_ValidRecord_ReturnsProbabilityLabelFactorsAndModel()
    {
        using var response = await PostAsync("/v1/predict", ServerFactory.Record());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ServerFactory.ReadJsonAsync(response);
        var probability = body.GetProperty("probability").GetDouble();
        Assert.InRange(probability, 0, 1);
        var threshold = body.GetProperty("threshold").GetDouble();
        Assert.Equal(probability >= threshold, body.GetProperty("label").GetBoolean());
        var factors = body.GetProperty("factors");
        Assert.Equal(5, factors.GetArrayLength());
        Assert.All(
            factors.EnumerateArray(),
            f =>
                Assert.Contains(
                    f.GetProperty("direction").GetString(),
                    new[] { "raises", "lowers" }
                )
        );
        Assert.Equal("bundle", body.GetProperty("model").GetProperty("version").GetString());
        Assert.Contains("not a diagnosis", body.GetProperty("disclaimer").GetString());
        Assert.Equal(
            body.GetProperty("requestId").GetString(),
            response.Headers.GetValues("X-Request-Id").Single()
        );
        Assert.Equal(0, body.GetProperty("unknownCategories").GetArrayLength());
    }

    [Fact]
    public async Task Predict_ExplainFalse_SameProbabilityWithoutFactors()
    {
        using var explained = await PostAsync("/v1/predict?top=2", ServerFactory.Record());
        using var plain = await PostAsync("/v1/predict?explain=false", ServerFactory.Record());

        var a = await ServerFactory.ReadJsonAsync(explained);
        var b = await ServerFactory.ReadJsonAsync(plain);
        Assert.Equal(2, a.GetProperty("factors").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, b.GetProperty("factors").ValueKind);
        Assert.Equal(
            a.GetProperty("probability").GetDouble(),
            b.GetProperty("probability").GetDouble(),
            12
        );
    }

    [Fact]
    public async Task Predict_NullValues_AreImputedAsInTraining()
    {
        using var response = await PostAsync(
            "/v1/predict",
            ServerFactory.Record(("Age", "null"), ("Stress_Level", "null"), ("User_ID", null))
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Predict_UnknownOpenCategory_MappedToOtherAndFlagged()
    {
        using var response = await PostAsync(
            "/v1/predict",
            ServerFactory.Record(("Country", "\"Atlantis\""), ("Occupation", "\"it\""))
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ServerFactory.ReadJsonAsync(response);
        var unknown = body.GetProperty("unknownCategories")
            .EnumerateArray()
            .Select(e => e.GetString())
            .ToList();
        Assert.Equal(["Country"], unknown);
    }

    public static TheoryData<string, string, string> InvalidRecords =>
        new()
        {
            { ServerFactory.Record(("Age", null)), "Age", "required" },
            { ServerFactory.Record(("Age", "\"thirty\"")), "Age", "must be a number" },
            { ServerFactory.Record(("Age", "12")), "Age", "between 16 and 100" },
            { ServerFactory.Record(("Sleep_Hours", "25")), "Sleep_Hours", "between 0 and 24" },
            { ServerFactory.Record(("Work_Hours", "-1")), "Work_Hours", "between 0 and 168" },
            {
                ServerFactory.Record(("Physical_Activity_Hours", "1e400")),
                "Physical_Activity_Hours",
                "finite"
            },
            {
                ServerFactory.Record(("Stress_Level", "\"Extreme\"")),
                "Stress_Level",
                "Low, Medium, High"
            },
            {
                ServerFactory.Record(("Consultation_History", "\"Maybe\"")),
                "Consultation_History",
                "\"Yes\""
            },
            { ServerFactory.Record(("Gender", "42")), "Gender", "must be a string" },
            { ServerFactory.Record(("Country", "[\"UK\"]")), "Country", "must be a string" },
            { ServerFactory.Record(("User_ID", "{}")), "User_ID", "must be a string" },
            { "[1,2]", "$", "JSON object" },
            { "{\"Age\":30,\"Age\":31}", "Age", "more than once" },
        };

    [Theory]
    [MemberData(nameof(InvalidRecords))]
    public async Task Predict_InvalidField_Returns400ProblemNamingTheField(
        string json,
        string field,
        string message
    )
    {
        using var response = await PostAsync("/v1/predict", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ServerFactory.ReadJsonAsync(response)).GetProperty("errors");
        var messages = errors
            .GetProperty(field)
            .EnumerateArray()
            .Select(e => e.GetString()!)
            .ToList();
        Assert.Contains(messages, m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Predict_ManyErrors_ListsEachField()
    {
        using var response = await PostAsync(
            "/v1/predict",
            ServerFactory.Record(("Age", "5"), ("Sleep_Hours", "\"x\""), ("Work_Hours", null))
        );

        var errors = (await ServerFactory.ReadJsonAsync(response)).GetProperty("errors");
        Assert.Equal(
            ["Age", "Sleep_Hours", "Work_Hours"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
        );
    }

    [Theory]
    [InlineData("{\"Age\": 3")]
    [InlineData("{\"Age\": 30}}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Predict_MalformedJson_Returns400Problem(string json)
    {
        using var response = await PostAsync("/v1/predict", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Predict_BodyOverLimit_Returns413Problem()
    {
        var json = ServerFactory.Record(("Padding", "\"" + new string('x', 4000) + "\""));

        using var response = await PostAsync("/v1/predict", json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// A content type the endpoints' declared application/json excludes is refused by routing
    /// (text/plain, a form), one it does not (";") by the endpoint's own check: the same problem
    /// either way, saying what to send, whatever the client accepts.
    /// </summary>
    [Theory]
    [InlineData("/v1/predict", "text/plain", null)]
    [InlineData("/v1/predict", "text/plain", "text/html")]
    [InlineData("/v1/predict", "application/x-www-form-urlencoded", null)]
    [InlineData("/v1/predict", "multipart/form-data; boundary=x", null)]
    [InlineData("/v1/predict", ";", null)]
    [InlineData("/v1/predict/batch", "text/plain", null)]
    [InlineData("/v1/what-if", "text/plain", null)]
    [InlineData("/v1/labels", "text/plain", null)]
    [InlineData("/v1/predict", "application/json; charset=latin1", null)]
    [InlineData("/v1/predict", "application/json; charset=\"ISO-8859-1\"", null)]
    [InlineData("/v1/predict/batch", "application/json; charset=latin1", null)]
    [InlineData("/v1/what-if", "application/json; charset=utf-16", null)]
    [InlineData("/v1/labels", "application/json; charset=latin1", null)]
    public async Task Post_NotJsonContentType_415ProblemSayingToSendJson(
        string path,
        string contentType,
        string? accept
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new ByteArrayContent(
                System.Text.Encoding.UTF8.GetBytes(ServerFactory.Record())
            ),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-Api-Key", ServerFactory.AdminKey);
        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(415, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(
            "Unsupported media type.",
            problem.RootElement.GetProperty("title").GetString()
        );
        Assert.Equal(
            "Send the body as UTF-8 JSON: application/json, with no charset or charset=utf-8.",
            problem.RootElement.GetProperty("detail").GetString()
        );
    }

    /// <summary>UTF-8 named in any case, quoted or not, is still JSON.</summary>
    [Theory]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=\"utf-8\"")]
    public async Task Predict_Utf8Charset_Accepted(string contentType)
    {
        using var content = new ByteArrayContent(
            System.Text.Encoding.UTF8.GetBytes(ServerFactory.Record())
        );
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await _client.PostAsync(
            new Uri("/v1/predict", UriKind.Relative),
            content
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/predict?top=abc", "top must be a whole number.")]
    [InlineData("/v1/predict?explain=maybe", "explain must be true or false.")]
    [InlineData("/v1/predict/batch?top=1.5", "top must be a whole number.")]
    [InlineData("/v1/predict?top=99999999999", "top is out of range.")]
    public async Task Predict_QueryValueOfTheWrongType_400NamingTheParameterNotTheValue(
        string path,
        string detail
    )
    {
        using var response = await PostAsync(path, ServerFactory.Record());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Invalid query.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("maybe", problem.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?top=0")]
    [InlineData("?top=10")]
    [InlineData("?top=abc")]
    public async Task Predict_InvalidTop_Returns400(string query)
    {
        using var response = await PostAsync("/v1/predict" + query, ServerFactory.Record());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PredictBatch_MixedRecords_OneResultPerRecordInOrder()
    {
        var json =
            "{\"records\":["
            + ServerFactory.Record()
            + ","
            + ServerFactory.Record(("Age", "500"))
            + ",42,"
            + ServerFactory.Record(("Stress_Level", "\"Low\""))
            + "]}";

        using var response = await PostAsync("/v1/predict/batch?explain=false", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ServerFactory.ReadJsonAsync(response);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(2, body.GetProperty("scored").GetInt32());
        Assert.Equal(2, body.GetProperty("rejected").GetInt32());
        Assert.Equal(
            System.Text.Json.JsonValueKind.Object,
            results[0].GetProperty("prediction").ValueKind
        );
        Assert.True(results[1].GetProperty("errors").TryGetProperty("Age", out _));
        Assert.True(results[2].GetProperty("errors").TryGetProperty("$", out _));
        Assert.Equal(
            System.Text.Json.JsonValueKind.Object,
            results[3].GetProperty("prediction").ValueKind
        );
    }

    [Fact]
    public async Task PredictBatch_SameRecordAsSingle_SameProbability()
    {
        using var single = await PostAsync("/v1/predict", ServerFactory.Record());
        using var batch = await PostAsync(
            "/v1/predict/batch",
            "{\"records\":[" + ServerFactory.Record() + "]}"
        );

        var p1 = (await ServerFactory.ReadJsonAsync(single)).GetProperty("probability").GetDouble();
        var p2 = (await ServerFactory.ReadJsonAsync(batch))
            .GetProperty("results")[0]
            .GetProperty("prediction")
            .GetProperty("probability")
            .GetDouble();
        Assert.Equal(p1, p2);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"records\": 5}")]
    [InlineData("[]")]
    public async Task PredictBatch_WrongShape_Returns400(string json)
    {
        using var response = await PostAsync("/v1/predict/batch", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
