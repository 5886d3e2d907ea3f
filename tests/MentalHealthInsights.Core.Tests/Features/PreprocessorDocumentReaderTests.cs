using System.Text;
using System.Text.Json;
using MentalHealthInsights.Core.Features;
using static MentalHealthInsights.Core.Tests.Features.FeatureTestData;

namespace MentalHealthInsights.Core.Tests.Features;

/// <summary>
/// The serializer-free reader of preprocessor.json against the source-generated serializer it
/// replaced for reading: both give the same document (compared by writing both back) or both
/// reject it, on fitted preprocessors and on hand-written variants.
/// </summary>
public sealed class PreprocessorDocumentReaderTests
{
    [Theory]
    [InlineData(300, 1)]
    [InlineData(40, 2)]
    public void Read_FittedPreprocessor_SameDocumentAsTheSerializer(int rows, int seed)
    {
        var json = Preprocessor.Fit(Random(rows, seed), FeatureSpec.Default).ToUtf8Json();

        var written = SameAsSerializer(json);

        Assert.True(written > json.Length / 2, written.ToString());
    }

    public static TheoryData<string> Variants =>
        new()
        {
            """{"schemaVersion":1,"spec":{"features":["Age",null],"target":"t"},"trainingRowCount":3,"outputWidth":2,"columns":[null,{"name":"Age","kind":"numeric","missingInTraining":0,"median":41,"mean":41.5,"standardDeviation":1e-3,"scale":1},{"name":"G","kind":"categorical","levels":["a",null]}],"outputNames":["x"],"notes":[]}""",
            """{"schemaVersion":1,"schemaVersion":2,"Spec":{},"other":[1,{"a":null}]}""",
            """{"spec":null,"columns":null,"notes":null}""",
            """{"columns":[{"missingInTraining":9223372036854775807}]}""",
            """{"columns":[{"missingInTraining":1.5}]}""",
            """{"columns":[{"median":"41"}]}""",
            """{"columns":[{"levels":"a"}]}""",
            """{"columns":{}}""",
            """{"spec":[]}""",
            """{"spec":{"features":[1]}}""",
            """{"outputWidth":true}""",
            """{"trainingRowCount":2147483648}""",
            """null""",
            """[]""",
            """{"schemaVersion":1} {}""",
            """{"schemaVersion":1}   """,
            """{"notes":["\udc00"]}""",
            "",
        };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Read_Variants_SameAsTheSerializer(string json) =>
        SameAsSerializer(Encoding.UTF8.GetBytes(json));

    // Returns the length written back (0 when both rejected it or both read null).
    private static int SameAsSerializer(byte[] json)
    {
        var info = PreprocessorJsonContext.Default.PreprocessorDocument;
        var ours = Outcome(() => PreprocessorDocumentReader.Read(json));
        var serializer = Outcome(() => JsonSerializer.Deserialize(json, info));
        Assert.Equal(serializer, ours);
        return ours.StartsWith("rejected", StringComparison.Ordinal) ? 0 : ours.Length;

        string Outcome(Func<PreprocessorDocument?> read)
        {
            try
            {
                return read() is { } document
                    ? Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(document, info))
                    : "null";
            }
            catch (JsonException)
            {
                return "rejected";
            }
        }
    }
}
