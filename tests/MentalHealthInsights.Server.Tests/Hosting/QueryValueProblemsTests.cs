using MentalHealthInsights.Server.Hosting;

namespace MentalHealthInsights.Server.Tests.Hosting;

public sealed class QueryValueProblemsTests
{
    [Theory]
    [InlineData(
        "Failed to bind parameter \"int? top\" from \"abc\".",
        "top must be a whole number."
    )]
    [InlineData(
        "Failed to bind parameter \"Nullable<Int32> limit\" from \"x\".",
        "limit must be a whole number."
    )]
    [InlineData(
        "Failed to bind parameter \"bool? explain\" from \"maybe\".",
        "explain must be true or false."
    )]
    [InlineData(
        "Failed to bind parameter \"DateTimeOffset from\" from \"soon\".",
        "from must be a date and time (ISO 8601)."
    )]
    [InlineData("Failed to bind parameter \"Widget w\" from \"q\".", "w must be a valid value.")]
    // A whole number beyond the type's range is out of range, not "not a whole number".
    [InlineData(
        "Failed to bind parameter \"int? limit\" from \"99999999999\".",
        "limit is out of range."
    )]
    [InlineData(
        "Failed to bind parameter \"int? top\" from \"-99999999999\".",
        "top is out of range."
    )]
    [InlineData(
        "Failed to bind parameter \"int? top\" from \"1.5\".",
        "top must be a whole number."
    )]
    [InlineData(
        "Required parameter \"int limit\" was not provided from query string.",
        "limit is required."
    )]
    public void Detail_BindingMessage_NamesTheParameterNotTheValue(string message, string detail)
    {
        Assert.Equal(detail, QueryValueProblems.Detail(message));
    }

    [Theory]
    [InlineData("Request body too large. The max request body size is 1024 bytes.")]
    [InlineData("Unexpected end of request content.")]
    [InlineData("")]
    public void Detail_OtherMessage_Null(string message)
    {
        Assert.Null(QueryValueProblems.Detail(message));
    }
}
