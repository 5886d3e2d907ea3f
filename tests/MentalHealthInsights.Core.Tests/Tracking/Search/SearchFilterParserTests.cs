using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Tracking.Search;

namespace MentalHealthInsights.Core.Tests.Tracking.Search;

public sealed class SearchFilterParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ParseFilter_Blank_NoClauses(string? filter) =>
        Assert.Empty(SearchFilterParser.ParseFilter(filter));

    [Fact]
    public void ParseFilter_BriefExample_FourClauses()
    {
        var clauses = SearchFilterParser.ParseFilter(
            "metrics.x > 0.5 AND params.a = 'b' and tags.k = \"v\" AND attributes.status = 'FINISHED'"
        );

        Assert.Equal(
            [
                new SearchFilterClause(
                    SearchKeyType.Metric,
                    "x",
                    SearchComparator.Greater,
                    "0.5",
                    0.5
                ),
                new SearchFilterClause(SearchKeyType.Param, "a", SearchComparator.Equal, "b", null),
                new SearchFilterClause(SearchKeyType.Tag, "k", SearchComparator.Equal, "v", null),
                new SearchFilterClause(
                    SearchKeyType.Attribute,
                    "status",
                    SearchComparator.Equal,
                    "FINISHED",
                    null
                ),
            ],
            clauses
        );
    }

    [Theory]
    [InlineData("metrics.m = 1", SearchComparator.Equal)]
    [InlineData("metrics.m != 1", SearchComparator.NotEqual)]
    [InlineData("metrics.m > 1", SearchComparator.Greater)]
    [InlineData("metrics.m >= 1", SearchComparator.GreaterOrEqual)]
    [InlineData("metrics.m < 1", SearchComparator.Less)]
    [InlineData("metrics.m <= 1", SearchComparator.LessOrEqual)]
    [InlineData("metrics.m<=1", SearchComparator.LessOrEqual)]
    [InlineData("params.p LIKE 'a%'", SearchComparator.Like)]
    [InlineData("params.p ilike 'a%'", SearchComparator.ILike)]
    public void ParseFilter_Comparator_Recognised(string filter, SearchComparator expected) =>
        Assert.Equal(expected, Assert.Single(SearchFilterParser.ParseFilter(filter)).Comparator);

    [Theory]
    [InlineData("metric.m > 0", SearchKeyType.Metric)]
    [InlineData("param.p = 'x'", SearchKeyType.Param)]
    [InlineData("parameters.p = 'x'", SearchKeyType.Param)]
    [InlineData("tag.t = 'x'", SearchKeyType.Tag)]
    [InlineData("attr.run_name = 'x'", SearchKeyType.Attribute)]
    [InlineData("run.status = 'x'", SearchKeyType.Attribute)]
    [InlineData("name = 'x'", SearchKeyType.Attribute)]
    public void ParseFilter_PrefixSynonyms_MapToKeyType(string filter, SearchKeyType expected) =>
        Assert.Equal(expected, Assert.Single(SearchFilterParser.ParseFilter(filter)).KeyType);

    [Theory]
    [InlineData("tags.mlflow.parentRunId = 'abc'", "mlflow.parentRunId")]
    [InlineData("tags.`mlflow.parentRunId` = 'abc'", "mlflow.parentRunId")]
    [InlineData("metrics.`test auc` > 0", "test auc")]
    [InlineData("metrics.\"cv/fold:1\" > 0", "cv/fold:1")]
    public void ParseFilter_DottedOrQuotedKey_KeptWhole(string filter, string key) =>
        Assert.Equal(key, Assert.Single(SearchFilterParser.ParseFilter(filter)).Key);

    [Fact]
    public void ParseFilter_DoubledQuote_EscapesItself() =>
        Assert.Equal(
            "it's",
            Assert.Single(SearchFilterParser.ParseFilter("params.p = 'it''s'")).Value
        );

    [Theory]
    [InlineData("metrics.m > -1.5e-3", -0.0015)]
    [InlineData("attributes.start_time >= 1700000000000", 1_700_000_000_000d)]
    public void ParseFilter_Number_ParsedInvariant(string filter, double expected) =>
        Assert.Equal(expected, Assert.Single(SearchFilterParser.ParseFilter(filter)).Number);

    [Theory]
    [InlineData("metrics.m > 'x'")]
    [InlineData("metrics.m LIKE 1")]
    [InlineData("params.p = 1")]
    [InlineData("params.p > 'a'")]
    [InlineData("tags.t = unquoted")]
    [InlineData("a = 'b' OR c = 'd'")]
    [InlineData("a = 'b' c = 'd'")]
    [InlineData("nope.k = 'v'")]
    [InlineData("params. = 'v'")]
    [InlineData("params.p")]
    [InlineData("params.p =")]
    [InlineData("params.p = 'open")]
    [InlineData("params.p IN ('a')")]
    [InlineData("(params.p = 'a')")]
    public void ParseFilter_Invalid_InvalidParameterValue(string filter)
    {
        var error = Assert.Throws<TrackingException>(() => SearchFilterParser.ParseFilter(filter));

        Assert.Equal(TrackingErrorCode.InvalidParameterValue, error.ErrorCode);
        Assert.Contains(filter, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseOrderBy_DirectionsAndDefaults_Parsed()
    {
        var order = SearchFilterParser.ParseOrderBy([
            "metrics.auc DESC",
            "params.model",
            "attributes.start_time asc",
            "name",
        ]);

        Assert.Equal(
            [
                new SearchOrderClause(SearchKeyType.Metric, "auc", false),
                new SearchOrderClause(SearchKeyType.Param, "model", true),
                new SearchOrderClause(SearchKeyType.Attribute, "start_time", true),
                new SearchOrderClause(SearchKeyType.Attribute, "name", true),
            ],
            order
        );
    }

    [Theory]
    [InlineData("metrics.auc DOWN")]
    [InlineData("metrics.auc DESC extra")]
    [InlineData("bogus.auc")]
    public void ParseOrderBy_Invalid_InvalidParameterValue(string orderBy) =>
        Assert.Equal(
            TrackingErrorCode.InvalidParameterValue,
            Assert
                .Throws<TrackingException>(() => SearchFilterParser.ParseOrderBy([orderBy]))
                .ErrorCode
        );
}
