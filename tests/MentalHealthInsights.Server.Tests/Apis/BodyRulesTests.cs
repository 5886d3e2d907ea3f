using System.Net;
using System.Text.Json;
using MentalHealthInsights.Server.Tests.Fixtures;
using MentalHealthInsights.Server.Validation;

namespace MentalHealthInsights.Server.Tests.Apis;

/// <summary>
/// The body rules every endpoint follows (docs/serving.md, "Validation"), at the edges a tester's
/// probe found broken: names that are not valid UTF-16, members given twice in the request's
/// envelope, the labels body, the size of a 400, the query, and the event-time header.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class BodyRulesTests(TrainedModelFixture models) : ReadyServerTests(models)
{
    /// <summary>
    /// A member name holding an escaped lone surrogate made ValueTextEquals throw: a 500 with a
    /// stack trace in the log, on three endpoints. It is an unknown member now, ignored.
    /// </summary>
    [Theory]
    [InlineData("/v1/predict", """{"\ud800":1,"Age":34}""", HttpStatusCode.BadRequest)]
    [InlineData("/v1/predict", """{"\udc00x":1,RECORD_MEMBERS}""", HttpStatusCode.OK)]
    [InlineData("/v1/predict/batch", """{"records":[{"\udc00":1}]}""", HttpStatusCode.OK)]
    [InlineData("/v1/predict/batch", """{"\ud800a":1,"records":[]}""", HttpStatusCode.OK)]
    [InlineData("/v1/what-if", """{"\ud800":1}""", HttpStatusCode.BadRequest)]
    public async Task Post_NameThatIsNotUtf16_IsAnUnknownMemberNotA500(
        string path,
        string body,
        HttpStatusCode expected
    )
    {
        var members = ServerFactory.Record()[1..^1];
        using var response = await PostAsync(path, body.Replace("RECORD_MEMBERS", members));

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain(" | exception: ", Factory.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictBatch_RecordsTwice_Returns400()
    {
        var record = ServerFactory.Record();
        using var response = await PostAsync(
            "/v1/predict/batch",
            $$"""{"records":[{{record}}],"records":[{{record}}]}"""
        );

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerFactory.ReadJsonAsync(response);
        Assert.Contains(
            "appears more than once",
            problem.GetProperty("detail").GetString(),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("record")]
    [InlineData("feature")]
    [InlineData("values")]
    public async Task WhatIf_MemberTwice_Returns400NamingIt(string member)
    {
        var record = ServerFactory.Record();
        var members = new Dictionary<string, string>
        {
            ["record"] = record,
            ["feature"] = "\"Sleep_Hours\"",
            ["values"] = "[5, 7.5]",
        };
        var body =
            "{"
            + string.Join(",", members.Select(m => $"\"{m.Key}\":{m.Value}"))
            + $",\"{member}\":{members[member]}}}";

        using var response = await PostAsync("/v1/what-if", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ServerFactory.ReadJsonAsync(response)).GetProperty("errors");
        Assert.Equal(
            "appears more than once; send it once",
            errors.GetProperty(member)[0].GetString()
        );
    }

    /// <summary>51 to 32,000 values used to repeat "at most 50" once per extra value.</summary>
    [Fact]
    public async Task WhatIf_ManyValuesOverTheLimit_OneMessage()
    {
        var values = string.Join(",", Enumerable.Repeat("6", 5_000));
        using var response = await PostAsync(
            "/v1/what-if",
            $$"""{"record":{{ServerFactory.Record()}},"feature":"Sleep_Hours","values":[{{values}}]}"""
        );

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ServerFactory.ReadJsonAsync(response)).GetProperty("errors");
        Assert.Equal(1, errors.GetProperty("values").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"labels":[{"User_ID":"a","outcome":true}]} GARBAGE""", null)]
    [InlineData("""{"labels":[{"User_ID":"a","outcome":true}]}{}""", null)]
    [InlineData("""{"labels":[{"User_ID":"a","outcome":"yes"}]}""", "labels[0].outcome")]
    [InlineData("""{"labels":[{"User_ID":"a","outcome":1}]}""", "labels[0].outcome")]
    [InlineData("""{"labels":[{"User_ID":12345,"outcome":true}]}""", "labels[0].User_ID")]
    [InlineData("""{"labels":[{"User_ID":"x\udc00","outcome":true}]}""", "labels[0].User_ID")]
    [InlineData("""{"labels":[{"User_ID":"  ","outcome":true}]}""", "labels[0].User_ID")]
    [InlineData(
        """{"labels":[{"User_ID":"a","User_ID":"b","outcome":true}]}""",
        "labels[0].User_ID"
    )]
    [InlineData(
        """{"labels":[{"User_ID":"a","outcome":true,"outcome":false}]}""",
        "labels[0].outcome"
    )]
    [InlineData("""{"labels":[{"User_ID":"a","outcome":true}],"labels":[]}""", "labels")]
    [InlineData("""{"LABELS":[{"user_id":"a","OUTCOME":true}]}""", "labels")]
    [InlineData("""{"labels":[null]}""", "labels[0]")]
    [InlineData("""{"labels":[]}""", "labels")]
    [InlineData("""{"labels":{}}""", "labels")]
    [InlineData("""[]""", "$")]
    // One User_ID with two outcomes (ids are trimmed): the call is refused, not the first kept.
    [InlineData(
        """{"labels":[{"User_ID":"a","outcome":true},{"User_ID":"b","outcome":true},{"User_ID":" a ","outcome":false}]}""",
        "labels[2].outcome"
    )]
    public async Task Labels_BodyBreakingTheRules_Returns400(string body, string? field)
    {
        using var response = await PostAsync("/v1/labels", body, admin: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerFactory.ReadJsonAsync(response);
        if (field is null)
        {
            Assert.Equal(
                "The request body is not valid JSON.",
                problem.GetProperty("title").GetString()
            );
        }
        else
        {
            Assert.True(
                problem.GetProperty("errors").TryGetProperty(field, out _),
                problem.GetRawText()
            );
        }
    }

    /// <summary>
    /// 200,000 null items (1 MiB) used to answer with 23 MB of errors: the errors stop after
    /// <see cref="FieldErrors.MaxFields"/> fields, with one entry saying so.
    /// </summary>
    [Fact]
    public async Task Labels_ManyBadItems_TheErrorsAreCapped()
    {
        var body = "{\"labels\":[" + string.Join(",", Enumerable.Repeat("null", 200_000)) + "]}";

        using var response = await PostAsync("/v1/labels", body, admin: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.InRange(bytes.Length, 1, 20_000);
        var errors = JsonDocument.Parse(bytes).RootElement.GetProperty("errors");
        Assert.Equal(FieldErrors.MaxFields + 1, errors.EnumerateObject().Count());
        Assert.True(errors.TryGetProperty(FieldErrors.MoreKey, out _));
    }

    [Fact]
    public async Task Labels_Valid_AttachedAndCounted()
    {
        using var response = await PostAsync(
            "/v1/labels",
            """{"labels":[{"User_ID":" a ","outcome":true,"note":"x"},{"outcome":false,"User_ID":"b"}],"extra":1}""",
            admin: true
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            2,
            (await ServerFactory.ReadJsonAsync(response)).GetProperty("received").GetInt32()
        );
    }

    /// <summary>An out-of-range top was ignored beside explain=false; it is a 400 like anywhere else.</summary>
    [Theory]
    [InlineData("/v1/predict?explain=false&top=99")]
    [InlineData("/v1/predict/batch?explain=false&top=0")]
    public async Task Predict_TopOutOfRangeWithExplainFalse_Returns400(string path)
    {
        var body = path.Contains("batch", StringComparison.Ordinal)
            ? "{\"records\":[" + ServerFactory.Record() + "]}"
            : ServerFactory.Record();

        using var response = await PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The culture-lenient parse took US dates, RFC 1123 dates, a bare time and year 1.</summary>
    [Theory]
    [InlineData("1/2/2026", HttpStatusCode.BadRequest)]
    [InlineData("Mon, 05 Jan 2026 12:00:00 GMT", HttpStatusCode.BadRequest)]
    [InlineData("12:00", HttpStatusCode.BadRequest)]
    [InlineData("0001-01-01T00:00:00Z", HttpStatusCode.BadRequest)]
    [InlineData("9999-12-31T23:59:59Z", HttpStatusCode.BadRequest)]
    [InlineData("2026-01-05T12:00:00Z", HttpStatusCode.OK)]
    [InlineData("2026-01-05T12:00:00.5+01:00", HttpStatusCode.OK)]
    public async Task Predict_EventTime_OnlyIso8601(string value, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            new Uri("/v1/predict", UriKind.Relative)
        )
        {
            Content = ServerFactory.Json(ServerFactory.Record()),
        };
        request.Headers.Add("X-Api-Key", ServerFactory.AdminKey);
        request.Headers.TryAddWithoutValidation("X-Event-Time", value);

        using var response = await Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>
    /// Text values are limited to 1,024 characters as in ingestion, counted in characters: the
    /// check had counted the JSON's bytes (accepting 1,025–4,096 ASCII characters, refusing
    /// 700 characters written as \u escapes), and any value over 256 bytes was "unknown" without
    /// being trimmed, so a known value padded with spaces was flagged as unknown.
    /// </summary>
    [Theory]
    [InlineData("Country", "PAD1025", "must be at most 1024 characters")]
    [InlineData("Gender", "PAD1025", "must be at most 1024 characters")]
    [InlineData("Stress_Level", "PAD1025", "must be at most 1024 characters")]
    [InlineData("Consultation_History", "PAD1025", "must be at most 1024 characters")]
    [InlineData("Occupation", "ESC700", "")]
    [InlineData("Gender", "SPACES300Female", "")]
    [InlineData("Stress_Level", "SPACES300High", "")]
    [InlineData("Consultation_History", "SPACES300Yes", "")]
    [InlineData("Country", "SPACES300Other", "")]
    public async Task Predict_TextLength_CountsCharactersAndTrimsLongValues(
        string field,
        string value,
        string error
    )
    {
        var text = value switch
        {
            "PAD1025" => new string('x', 1_025),
            "ESC700" => string.Concat(Enumerable.Repeat("\\u00e9", 700)),
            _ => new string(' ', 300) + value["SPACES300".Length..],
        };
        using var response = await PostAsync(
            "/v1/predict",
            ServerFactory.Record((field, "\"" + text + "\""))
        );

        var body = await ServerFactory.ReadJsonAsync(response);
        if (error.Length > 0)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var messages = body.GetProperty("errors").GetProperty(field).EnumerateArray();
            Assert.Equal(error, Assert.Single(messages).GetString());
            return;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unknown = body.GetProperty("unknownCategories").EnumerateArray();
        // 700 é: unknown, so flagged; a padded known value (or "Other") is that value.
        Assert.Equal(value == "ESC700" ? 1 : 0, unknown.Count());
    }
}
