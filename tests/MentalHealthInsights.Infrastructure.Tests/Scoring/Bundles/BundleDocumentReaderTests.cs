using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;

/// <summary>
/// The serializer-free reader of the bundle's JSON documents against the source-generated
/// serializer it replaced for reading: on real bundles of every kind and on hand-written
/// variants (unknown, repeated, null and wrongly typed members), both either give the same
/// document (compared by writing both back) or both reject it.
/// </summary>
public sealed class BundleDocumentReaderTests(BundleModelsFixture fixture)
    : IClassFixture<BundleModelsFixture>
{
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [MemberData(nameof(BundleModelsFixture.Kinds), MemberType = typeof(BundleModelsFixture))]
    public void Read_WrittenBundles_SameDocumentsAsTheSerializer(string kind)
    {
        using var temp = new TempFolder();
        var model = fixture.Model(kind);
        var folder = ModelBundleWriter
            .Write(temp.Combine("bundle"), fixture.Metadata(model), fixture.Preprocessor, model)
            .Folder!;

        var manifest = File.ReadAllBytes(Path.Combine(folder, ModelBundleLayout.ManifestFile));
        var metadata = File.ReadAllBytes(Path.Combine(folder, ModelBundleLayout.MetadataFile));
        var compared = SameAsSerializer(manifest, Manifest) + SameAsSerializer(metadata, Metadata);
        var calibration = Path.Combine(folder, "calibration.json");
        if (File.Exists(calibration))
        {
            compared += SameAsSerializer(File.ReadAllBytes(calibration), Calibration);
        }

        // Each comparison returns the document's length written back: nothing read as empty.
        Assert.True(compared > manifest.Length + metadata.Length / 2, compared.ToString());
    }

    public static TheoryData<string> ManifestVariants =>
        new()
        {
            $$"""{"schemaVersion":1,"files":[{"path":"a.json","sha256":"{{Sha}}","bytes":12}],"filesSha256":"{{Sha}}"}""",
            """{"schemaVersion":1,"files":[null,{"path":null,"bytes":-3}],"unknown":{"x":[1,2]}}""",
            """{"schemaVersion":1,"schemaVersion":2,"Files":[],"files":[]}""",
            """{"schema\u0056ersion":1}""",
            """{}""",
            """null""",
            """{"schemaVersion":"1"}""",
            """{"schemaVersion":1.5}""",
            """{"schemaVersion":1e0}""",
            """{"schemaVersion":4294967296}""",
            """{"files":{"path":"a"}}""",
            """{"files":[{"bytes":9223372036854775808}]}""",
            """{"files":[{"bytes":"12"}]}""",
            """{"files":[{"path":12}]}""",
            """{"files":[[]]}""",
            """[]""",
            """{"schemaVersion":1,}""",
            """{"schemaVersion":1""",
            "",
        };

    [Theory]
    [MemberData(nameof(ManifestVariants))]
    public void Manifest_Variants_SameAsTheSerializer(string json) =>
        SameAsSerializer(Encoding.UTF8.GetBytes(json), Manifest);

    public static TheoryData<string> MetadataVariants =>
        new()
        {
            """{"bundleSchemaVersion":1,"modelName":"m","features":["Age",null],"threshold":0.25,"metrics":{"auc":{"estimate":0.7,"lower":null,"upper":0.8},"f1":null},"cvMetrics":{"auc":{"mean":0.7,"std":0.01,"folds":5}},"seed":42,"hyperParameters":{"a":"1","b":null},"libraryVersions":{},"createdAtUtc":"2026-12-01T08:00:00.1234567+00:00","promotable":false,"promotableReason":null,"warnings":[]}""",
            """{"metrics":{"auc":{"estimate":1},"auc":{"lower":2}},"threshold":1E-3,"extra":[{"a":null}]}""",
            """{"createdAtUtc":"2026-12-01"}""",
            """{"createdAtUtc":"2026-12-01T08:00:00Z","calibration":"platt","modelName":"a","modelName":"b"}""",
            """{"createdAtUtc":"2026-13-01T00:00:00Z"}""",
            """{"createdAtUtc":1}""",
            """{"threshold":"0.5"}""",
            """{"threshold":1e400}""",
            """{"promotable":"true"}""",
            """{"promotable":1}""",
            """{"features":"Age"}""",
            """{"features":[1]}""",
            """{"metrics":[]}""",
            """{"metrics":{"auc":1}}""",
            """{"metrics":{"auc":{"estimate":"x"}}}""",
            """{"cvMetrics":{"auc":{"folds":2.5}}}""",
            """{"hyperParameters":{"a":1}}""",
            """{"seed":-2147483649}""",
            """{"seed":-2147483648,"ModelName":"ignored"}""",
            """{"warnings":[null,"w"]}""",
            """"text"""",
            """{"modelName":"\ud800"}""",
        };

    [Theory]
    [MemberData(nameof(MetadataVariants))]
    public void Metadata_Variants_SameAsTheSerializer(string json) =>
        SameAsSerializer(Encoding.UTF8.GetBytes(json), Metadata);

    public static TheoryData<string> CalibrationVariants =>
        new()
        {
            """{"method":"platt","parameters":{"a":-1.5,"b":0.25}}""",
            """{"method":"isotonic","parameters":{"thresholds":[0,0.5,1],"values":[0.1,0.2,0.9]}}""",
            """{"method":null,"parameters":null}""",
            """{"parameters":{"thresholds":[0,null]}}""",
            """{"parameters":{"values":null,"a":null}}""",
            """{"parameters":[]}""",
            """{"parameters":{"thresholds":{}}}""",
            """{"method":1}""",
        };

    [Theory]
    [MemberData(nameof(CalibrationVariants))]
    public void Calibration_Variants_SameAsTheSerializer(string json) =>
        SameAsSerializer(Encoding.UTF8.GetBytes(json), Calibration);

    private static readonly Reader<ManifestDocument> Manifest = new(
        BundleDocumentReader.Manifest,
        ModelBundleJsonContext.Default.ManifestDocument
    );

    private static readonly Reader<MetadataDocument> Metadata = new(
        BundleDocumentReader.Metadata,
        ModelBundleJsonContext.Default.MetadataDocument
    );

    private static readonly Reader<CalibrationDocument> Calibration = new(
        BundleDocumentReader.Calibration,
        ModelBundleJsonContext.Default.CalibrationDocument
    );

    // Both readers reject the bytes, or both give documents that write back to the same bytes;
    // returns the length written back (0 when both rejected it or both read null).
    private static int SameAsSerializer<T>(byte[] json, Reader<T> reader)
        where T : class
    {
        var ours = Outcome(() => reader.Ours(json), reader.Info);
        var serializer = Outcome(() => JsonSerializer.Deserialize(json, reader.Info), reader.Info);
        Assert.Equal(serializer, ours);
        return ours.StartsWith("rejected", StringComparison.Ordinal) ? 0 : ours.Length;
    }

    private static string Outcome<T>(Func<T?> read, JsonTypeInfo<T> info)
        where T : class
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
        catch (ArgumentException)
        {
            // Read, but not writable back: an infinite number (1e400).
            return "read, not JSON-writable";
        }
    }

    private sealed record Reader<T>(Func<byte[], T?> Ours, JsonTypeInfo<T> Info)
        where T : class;
}
