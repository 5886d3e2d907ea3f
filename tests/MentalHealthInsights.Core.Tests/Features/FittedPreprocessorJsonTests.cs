using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentalHealthInsights.Core.Features;
using static MentalHealthInsights.Core.Tests.Features.FeatureTestData;

namespace MentalHealthInsights.Core.Tests.Features;

public class FittedPreprocessorJsonTests
{
    [Fact]
    public void FromJson_RoundTrip_BitIdenticalOutputsForManyRecords()
    {
        var rows = Random(1000, seed: 21);
        var original = Preprocessor.Fit(rows.Take(700).ToList(), FeatureSpec.Default);

        var restored = FittedPreprocessor.FromJson(original.ToJson());

        Assert.Equal(original.OutputNames, restored.OutputNames);
        Assert.Equal(original.Spec, restored.Spec);
        Assert.Equal(Bits(original.TransformBatch(rows)), Bits(restored.TransformBatch(rows)));
    }

    [Fact]
    public void FromJson_RoundTrip_NumericStateExactToTheBit()
    {
        var rows = Random(500, seed: 22);
        var original = Preprocessor.Fit(rows, FeatureSpec.Default);

        var restored = FittedPreprocessor.FromJson(original.ToJson());

        foreach (
            var column in new[] { "Age", "Sleep_Hours", "Work_Hours", "Physical_Activity_Hours" }
        )
        {
            Assert.Equal(original.GetNumericStats(column), restored.GetNumericStats(column));
        }

        Assert.Equal(original.ToJson(), restored.ToJson());
    }

    [Fact]
    public void FromJson_Utf8AndStream_SameAsString()
    {
        var original = Preprocessor.Fit(Random(200, seed: 23), FeatureSpec.Default);
        using var stream = new MemoryStream();
        original.WriteJson(stream);
        stream.Position = 0;

        var fromStream = FittedPreprocessor.FromJson(stream);
        var fromBytes = FittedPreprocessor.FromJson(original.ToUtf8Json().AsSpan());

        Assert.Equal(original.ToJson(), fromStream.ToJson());
        Assert.Equal(original.ToJson(), fromBytes.ToJson());
        Assert.Equal(original.ToUtf8Json(), stream.ToArray());
    }

    [Fact]
    public void ToJson_Always_StartsWithSchemaVersionAndHoldsTheSpec()
    {
        var fitted = Preprocessor.Fit(
            EightRows(),
            new FeatureSpec { Features = ["Age", "Gender"] }
        );

        var json = fitted.ToJson();
        var node = JsonNode.Parse(json)!;

        Assert.StartsWith(
            "{\n  \"schemaVersion\": 1,",
            json.ReplaceLineEndings("\n"),
            StringComparison.Ordinal
        );
        Assert.Equal("Mental_Health_Condition", (string?)node["spec"]!["target"]);
        Assert.Equal(
            ["Age", "Gender"],
            node["spec"]!["features"]!.AsArray().Select(n => (string?)n)
        );
        Assert.Equal(41.5, (double)node["columns"]![0]!["median"]!);
        Assert.Null(node["columns"]![0]!["levels"]);
        Assert.Null(node["columns"]![1]!["median"]);
        Assert.DoesNotContain("r0", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "'schemaVersion' is 2")]
    [InlineData(0, "'schemaVersion' is 0")]
    public void FromJson_WrongSchemaVersion_ThrowsFormatExceptionNamingIt(
        int version,
        string fragment
    )
    {
        var json = Corrupt(n => n["schemaVersion"] = version);

        var ex = Assert.Throws<FormatException>(() => FittedPreprocessor.FromJson(json));

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void FromJson_CorruptedDocument_ThrowsFormatExceptionNamingTheProblem(
        string name,
        string fragment
    )
    {
        var json = Corrupt(CorruptionsByName[name]);

        var ex = Assert.Throws<FormatException>(() => FittedPreprocessor.FromJson(json));

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Corruptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, fragment) in Fragments)
        {
            data.Add(name, fragment);
        }

        return data;
    }

    private static readonly Dictionary<string, string> Fragments = new(StringComparer.Ordinal)
    {
        ["missing version"] = "'schemaVersion' is missing",
        ["width"] = "'outputWidth' is 31 but the columns define 30 slots",
        ["names"] = "'outputNames[1]' does not match",
        ["name count"] = "'outputNames' has 29 names",
        ["severity"] = "leaks the target",
        ["columns count"] = "'columns' has 8 entries",
        ["column order"] = "'columns[0].name' does not match",
        ["kind"] = "'columns[1].kind' must be 'categorical'",
        ["median"] = "'columns[0].median' is missing",
        ["scale"] = "'columns[6].scale' is not positive",
        ["levels unsorted"] = "'columns[1].levels' is not sorted",
        ["levels unknown"] = "'columns[1].levels[0]' is null, empty or '<unknown>'",
        ["type"] = "not well-formed or of the wrong shape",
    };

    private static readonly Dictionary<string, Action<JsonNode>> CorruptionsByName = new(
        StringComparer.Ordinal
    )
    {
        ["missing version"] = n => n.AsObject().Remove("schemaVersion"),
        ["width"] = n => n["outputWidth"] = 31,
        ["names"] = n => n["outputNames"]![1] = "Gender=Martian",
        ["name count"] = n => n["outputNames"]!.AsArray().RemoveAt(0),
        ["severity"] = n => n["spec"]!["features"]![1] = "Severity",
        ["columns count"] = n => n["columns"]!.AsArray().RemoveAt(8),
        ["column order"] = n =>
        {
            var columns = n["columns"]!.AsArray();
            var first = columns[0]!;
            columns.RemoveAt(0);
            columns.Add(first);
        },
        ["kind"] = n => n["columns"]![1]!["kind"] = "numeric",
        ["median"] = n => n["columns"]![0]!.AsObject().Remove("median"),
        ["scale"] = n => n["columns"]![6]!["scale"] = 0,
        ["levels unsorted"] = n =>
        {
            var levels = n["columns"]![1]!["levels"]!.AsArray();
            var first = levels[0]!;
            levels.RemoveAt(0);
            levels.Add(first);
        },
        ["levels unknown"] = n => n["columns"]![1]!["levels"]![0] = "<unknown>",
        ["type"] = n => n["trainingRowCount"] = "many",
    };

    [Fact]
    public void FromJson_Truncated_ThrowsFormatException()
    {
        var json = Preprocessor.Fit(EightRows(), FeatureSpec.Default).ToJson();

        var ex = Assert.Throws<FormatException>(() =>
            FittedPreprocessor.FromJson(json[..(json.Length / 2)])
        );

        Assert.Contains("not well-formed", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() =>
            FittedPreprocessor.FromJson(Encoding.UTF8.GetBytes(json[..10]).AsSpan())
        );
        Assert.Throws<FormatException>(() => FittedPreprocessor.FromJson("null"));
        Assert.Throws<FormatException>(() => FittedPreprocessor.FromJson(""));
    }

    [Fact]
    public void FromJson_UnchangedDocumentThroughJsonNode_Loads()
    {
        // Guards the corruption tests: without a corruption, the re-serialised document is valid.
        var json = Corrupt(_ => { });

        var restored = FittedPreprocessor.FromJson(json);

        Assert.Equal(30, restored.OutputWidth);
    }

    /// <summary>Fits on fresh data, applies one change to the JSON tree and serialises it again.</summary>
    private static string Corrupt(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(Preprocessor.Fit(EightRows(), FeatureSpec.Default).ToJson())!;
        change(node);
        return node.ToJsonString();
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

    [Fact]
    public void ToJson_Doubles_WrittenInShortestRoundTripForm()
    {
        var fitted = Preprocessor.Fit(Random(300, seed: 24), FeatureSpec.Default);
        var node = JsonNode.Parse(fitted.ToJson())!;

        foreach (var column in node["columns"]!.AsArray())
        {
            if ((string?)column!["kind"] != "numeric")
            {
                continue;
            }

            var text = column["mean"]!.ToJsonString();
            var value = double.Parse(text, CultureInfo.InvariantCulture);
            Assert.Equal(fitted.GetNumericStats((string)column["name"]!).Mean, value);
            Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture), text);
        }
    }
}
