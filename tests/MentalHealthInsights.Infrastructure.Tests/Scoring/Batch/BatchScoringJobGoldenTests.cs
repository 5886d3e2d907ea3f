using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

/// <summary>
/// Pins the output and rejects bytes of one fixed small file holding every reject reason a
/// batch can give, duplicates (also after trimming, and an id reused after its first row was
/// rejected), quoted fields (with a comma, a doubled quote and a line break), CRLF line ends, a
/// blank line, invalid UTF-8 and a last line without a newline, for every chunk size and thread
/// count: throughput work on the pipeline must not move a byte. The probability and label come
/// from the one-row path (the model is trained by the test); everything else is literal.
/// </summary>
public sealed class BatchScoringJobGoldenTests(BatchTestModel model) : IClassFixture<BatchTestModel>
{
    private const string Header =
        "User_ID,Age,Gender,Occupation,Country,Mental_Health_Condition,Severity,Consultation_History,Stress_Level,Sleep_Hours,Work_Hours,Physical_Activity_Hours";

    // What the two invalid bytes 0xFF 0xFE decode to (and the rejects file keeps).
    private const string Invalid = "\uFFFD\uFFFD";

    private static readonly string LongField = new('x', 1025);

    // The accepted rows in file order: input line, User_ID, its pseudonym under BatchTestModel.Key
    // (/usr/bin/python3: hmac.new(b"a-test-key-of-32-bytes-long-0123", id.encode(), hashlib.sha256).hexdigest())
    // and the record the validator makes of it (unknown Gender "Fe\"male" becomes Other).
    private static readonly (
        int Line,
        string Id,
        string Pseudonym,
        MentalHealthRecord Record
    )[] Accepted =
    [
        (
            2,
            "a1",
            "9e722e971058a2569fa4ed9855ce7dbc57fae9229dda3514174164ae1256a353",
            Record("a1", 30, "Female", "IT", "UK", false, "Low", 7, 40, 2)
        ),
        (
            3,
            "a2",
            "98538644d8878b3d7ac8d7da4ba432dd4c236a8d3e72bd70c92be78692fe40c5",
            Record("a2", 41, "Male", "Sales", "Canada", true, "High", 6.5, 50, 0)
        ),
        (
            12,
            "a3",
            "a690400023989e06350ec4b66308a7d2aa470e96a73d5a81a199ea6a0c5d383d",
            Record("a3", 30, "Female", "IT", "UK", false, "Low", 7, 40, 2)
        ),
        (
            15,
            "b,1",
            "85cc2211f530a876b81793399de3bf6176c683a7b53743cd78cd8a91a880c60d",
            Record("b,1", 30, "Other", "IT", "UK", false, "Low", 7, 40, 2)
        ),
        (
            16,
            "b\n2",
            "e9b3a41122eb1624e64cb050e572ab48b60649f6348854c3f1d54b4d6972ad5d",
            Record("b\n2", 22, "Male", "IT", "India", false, "Medium", 8, 30, 1)
        ),
        (
            18,
            "=cmd",
            "64a532269c9f5361e4d3a097d4cf2171310eb2a5d6e1c646f86b1ac52291dd44",
            Record("=cmd", 30, "Female", "IT", "UK", false, "Low", 7, 40, 2)
        ),
        (
            20,
            "c1",
            "6720d2d9a32ffb39fd1cc770f46d0df85ab83f99376eea298e1a1e2b118d548e",
            Record("c1", 25, "Female", "IT", "UK", false, "Low", 8, 35, 3)
        ),
    ];

    public static TheoryData<bool, int, int> Runs =>
        new()
        {
            { false, 4096, 2 },
            { false, 1, 2 },
            { false, 3, 1 },
            { true, 2, 2 },
            { true, 4096, 1 },
        };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Run_EveryRejectReasonQuotesAndCrlf_PinnedBytes(
        bool rawIds,
        int chunkRows,
        int threads
    )
    {
        using var temp = new BatchTempFolder();
        var input = temp.File("in.csv");
        File.WriteAllBytes(input, Input());

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

        Assert.Equal(17, result.RowsRead);
        Assert.Equal(7, result.RowsScored);
        Assert.Equal(10, result.RowsRejected);
        Assert.Equal(Output(rawIds), File.ReadAllBytes(result.OutputPath));
        Assert.Equal(Rejects(), File.ReadAllBytes(result.RejectsPath));
    }

    private static byte[] Input()
    {
        var bytes = new List<byte>();
        void Line(string text, string end = "\r\n") =>
            bytes.AddRange(Encoding.UTF8.GetBytes(text + end));
        Line(Header);
        Line("a1,30,Female,IT,UK,No,None,No,Low,7,40,2");
        Line("\"a2\",41,\"Male\",\"Sales\",\"Canada\",Yes,High,Yes,High,6.5,50,0");
        Line("a3,abc,Female,IT,UK,No,None,No,Low,7,40,2");
        Line("a4,30,Female,IT,UK,No,None,No,Low,NaN,40,2");
        Line("a5,130,Female,IT,UK,No,None,No,Low,7,40,2");
        Line("a6,30,Female,IT,UK,No,None,Maybe,Low,7,40,2");
        Line("a7,30,Female,IT,UK");
        Line(",30,Female,IT,UK,No,None,No,Low,7,40,2");
        Line("a1,31,Male,IT,UK,No,None,No,Low,7,40,2", "\n");
        Line(" a2 ,31,Male,IT,UK,No,None,No,Low,7,40,2");
        Line("a3,30,Female,IT,UK,No,None,No,Low,7,40,2");
        Line("a8,30,Female," + LongField + ",UK,No,None,No,Low,7,40,2");
        bytes.AddRange("a9,30,Female,IT,"u8.ToArray());
        bytes.AddRange([0xFF, 0xFE]);
        Line(",No,None,No,Low,7,40,2");
        Line("\"b,1\",30,\"Fe\"\"male\",IT,UK,No,None,No,Low,7,40,2");
        Line("\"b\n2\",22,Male,IT,India,No,None,No,Medium,8,30,1", "\n");
        Line("=cmd,30,Female,IT,UK,No,None,No,Low,7,40,2");
        Line("");
        Line("c1,25,Female,IT,UK,No,None,No,Low,8,35,3", "");
        return [.. bytes];
    }

    private byte[] Output(bool rawIds)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder(BatchScoringJob.OutputHeader + "\n");
        foreach (var (line, id, pseudonym, record) in Accepted)
        {
            var probability = model.Predictor.PredictProbability(record);
            var subject = rawIds ? CsvTextField.Escape(id) : pseudonym;
            text.Append(
                c,
                $"in.csv,{line},{subject},{probability.ToString("R", c)},{(probability >= 0.5 ? 1 : 0)},0.5,test-model,7,2026-11-30T01:02:03.456Z\n"
            );
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    // The line a row starts on, the first failed check, and the row's original text (quoted).
    private static byte[] Rejects() =>
        Encoding.UTF8.GetBytes(
            $"""
            source,line,reason,column,original
            in.csv,4,UnparsableNumber,Age,"a3,abc,Female,IT,UK,No,None,No,Low,7,40,2"
            in.csv,5,NonFiniteNumber,Sleep_Hours,"a4,30,Female,IT,UK,No,None,No,Low,NaN,40,2"
            in.csv,6,OutOfRange,Age,"a5,130,Female,IT,UK,No,None,No,Low,7,40,2"
            in.csv,7,InvalidCategory,Consultation_History,"a6,30,Female,IT,UK,No,None,Maybe,Low,7,40,2"
            in.csv,8,WrongFieldCount,,"a7,30,Female,IT,UK"
            in.csv,9,MissingUserId,User_ID,",30,Female,IT,UK,No,None,No,Low,7,40,2"
            in.csv,10,DuplicateUserId,User_ID,"a1,31,Male,IT,UK,No,None,No,Low,7,40,2"
            in.csv,11,DuplicateUserId,User_ID," a2 ,31,Male,IT,UK,No,None,No,Low,7,40,2"
            in.csv,13,FieldTooLong,Occupation,"a8,30,Female,{LongField},UK,No,None,No,Low,7,40,2"
            in.csv,14,InvalidEncoding,Country,"a9,30,Female,IT,{Invalid},No,None,No,Low,7,40,2"

            """.ReplaceLineEndings("\n")
        );

    private static MentalHealthRecord Record(
        string id,
        double age,
        string gender,
        string occupation,
        string country,
        bool consultation,
        string stress,
        double sleep,
        double work,
        double activity
    ) =>
        new()
        {
            UserId = id,
            Age = age,
            Gender = gender,
            Occupation = occupation,
            Country = country,
            HasCondition = false,
            ConsultationHistory = consultation,
            StressLevel = stress,
            SleepHours = sleep,
            WorkHours = work,
            PhysicalActivityHours = activity,
        };
}
