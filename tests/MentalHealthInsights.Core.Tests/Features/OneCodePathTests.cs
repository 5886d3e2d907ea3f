using MentalHealthInsights.Core.Features;
using static MentalHealthInsights.Core.Tests.Features.FeatureTestData;

namespace MentalHealthInsights.Core.Tests.Features;

/// <summary>
/// The guarantee of docs/preprocessing.md: one record gives bit-identical features whether it
/// goes through training, batch scoring or serving.
/// </summary>
public class OneCodePathTests
{
    [Fact]
    public void Transform_OneRecordThroughTrainingBatchAndServing_BitIdentical()
    {
        var records = Random(600, seed: 31);
        // A record with missing numerics, a missing category and a value unseen in training.
        records.Add(
            Record(age: double.NaN, country: "Other", stress: null, sleep: double.NaN, id: "probe")
        );
        var probe = records.Count - 1;
        int[] trainingRows =
        [
            .. Enumerable.Range(0, 500).Where(i => records[i].Country != "Other"),
        ];
        int[] validationRows = [.. Enumerable.Range(500, 100), probe];

        // Training: fit on the training fold and transform the validation fold, both by index.
        var trained = Preprocessor.Fit(records, trainingRows, FeatureSpec.Default);
        var validationMatrix = trained.TransformBatch(records, validationRows);
        var width = trained.OutputWidth;
        var fromTraining = validationMatrix
            .AsSpan((validationRows.Length - 1) * width, width)
            .ToArray();

        // The bundle: the fitted state goes through JSON (UTF-8 bytes, as a bundle file holds it).
        var bundleBytes = trained.ToUtf8Json();

        // Batch scoring: a separate instance restored from the bundle transforms a whole file.
        var batchScorer = FittedPreprocessor.FromJson(new MemoryStream(bundleBytes));
        var batchMatrix = batchScorer.TransformBatch(records);
        var fromBatch = batchMatrix.AsSpan(probe * width, width).ToArray();

        // Serving: another restored instance transforms the single request record.
        var server = FittedPreprocessor.FromJson(bundleBytes.AsSpan());
        var fromServing = new float[server.OutputWidth];
        var unknown = server.Transform(records[probe], fromServing);

        Assert.Equal(Bits(fromTraining), Bits(fromBatch));
        Assert.Equal(Bits(fromTraining), Bits(fromServing));
        Assert.Equal(["Country", "Stress_Level"], server.GetUnknownColumns(unknown));
        // Every record of the file, not just the probe.
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(
                Bits(batchMatrix.AsSpan(i * width, width).ToArray()),
                Bits(server.Transform(records[i]))
            );
        }
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
