using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

/// <summary>
/// The whole output file, byte for byte, against lines built the simple way (one
/// <c>PredictProbability</c> and one <c>Pseudonymise</c> call per record, <c>ToString("R")</c>):
/// the block scoring and reused-HMAC paths must not change a single byte.
/// </summary>
public sealed class BatchScoringJobBytesTests(BatchTestModel model) : IClassFixture<BatchTestModel>
{
    [Theory]
    [InlineData(false, 333, 2)]
    [InlineData(true, 1000, 1)]
    [InlineData(false, 64, 3)]
    public void Run_ManyBlocksAndChunks_OutputEqualsOneRowPathByteForByte(
        bool rawIds,
        int chunkRows,
        int threads
    )
    {
        using var temp = new BatchTempFolder();
        // Raw ids that need escaping and neutralising too.
        var records = BatchTestModel
            .Records(1000, seed: 8)
            .Select(
                (r, i) =>
                    i % 97 == 5
                        ? r with
                        {
                            UserId = string.Create(CultureInfo.InvariantCulture, $"=x,\"{i}\""),
                        }
                    : i % 89 == 3 ? r with { UserId = "Zoë-" + r.UserId }
                    : r
            )
            .ToArray();
        var input = temp.WriteInput("in.csv", records);

        var result = model
            .Job()
            .Run(
                BatchTestModel.PinnedOptions(
                    input,
                    temp.File("out.csv"),
                    rawIds,
                    chunkRows,
                    threads
                )
            );

        Assert.Equal(records.Length, result.RowsScored);
        Assert.Equal(Expected(records, rawIds), File.ReadAllBytes(result.OutputPath));
    }

    private byte[] Expected(MentalHealthRecord[] records, bool rawIds)
    {
        var pseudonymiser = new SubjectPseudonymiser(BatchTestModel.Key);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder(BatchScoringJob.OutputHeader + "\n");
        for (var i = 0; i < records.Length; i++)
        {
            var probability = model.Predictor.PredictProbability(records[i]);
            var subject = rawIds
                ? CsvTextField.Escape(records[i].UserId)
                : pseudonymiser.Pseudonymise(records[i].UserId);
            text.Append(
                c,
                $"in.csv,{i + 2},{subject},{probability.ToString("R", c)},{(probability >= 0.5 ? 1 : 0)},0.5,test-model,7,2026-11-30T01:02:03.456Z\n"
            );
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
