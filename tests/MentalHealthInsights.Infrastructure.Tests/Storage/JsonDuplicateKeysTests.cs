using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

public sealed class JsonDuplicateKeysTests
{
    [Theory]
    [InlineData("""{ "a": 1, "b": 2 }""", null)]
    [InlineData("""{ "a": 1, "a": 2 }""", "a")]
    [InlineData("""{ "a": { "b": 1 }, "c": { "b": 2 } }""", null)]
    [InlineData(
        """{ "Alerts": { "Rules": [ { "When": "x" }, { "When": "y", "When": "z" } ] } }""",
        "Alerts.Rules[1].When"
    )]
    [InlineData("""{ "steps": { "*": {}, /* c */ "*": {}, } }""", "steps.*")]
    [InlineData("""{ "a": [1, [2, {"x": 1, "x": 2}]] }""", "a[1][1].x")]
    [InlineData("""{ "a": """, null)]
    public void Find_Ordinal(string json, string? expected) =>
        Assert.Equal(expected, JsonDuplicateKeys.Find(json, StringComparer.Ordinal));

    [Fact]
    public void Find_CaseInsensitive_KeysDifferingInCaseAreOneKey()
    {
        const string Json = """{ "CoolDownHours": 1, "coolDownHours": 2 }""";

        Assert.Null(JsonDuplicateKeys.Find(Json, StringComparer.Ordinal));
        Assert.Equal(
            "coolDownHours",
            JsonDuplicateKeys.Find(Json, StringComparer.OrdinalIgnoreCase)
        );
    }
}
