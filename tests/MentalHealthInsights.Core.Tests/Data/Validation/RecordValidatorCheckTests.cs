using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;
using static MentalHealthInsights.Core.Data.DatasetSchema;

namespace MentalHealthInsights.Core.Tests.Data.Validation;

/// <summary>
/// <see cref="RecordValidator.TryCheck{TRow}"/> (every check but the duplicate-id one, no state)
/// followed in file order by <see cref="RecordValidator.TryAddUserId"/> must decide every row
/// exactly as <see cref="RecordValidator.TryValidate{TRow}"/> does.
/// </summary>
public class RecordValidatorCheckTests
{
    // Valid rows, repeats (plain numbers, other ids, "007" vs "7"), a repeat whose first
    // occurrence was rejected for another reason, and rows failing earlier checks.
    private static readonly string[][] Rows =
    [
        TestRows.Valid("7"),
        TestRows.Valid("U1"),
        TestRows.Valid("7"),
        TestRows.Valid("007"),
        TestRows.Valid(" U1 "),
        TestRows.With(TestRows.Valid("B1"), (Age, "abc")),
        TestRows.Valid("B1"),
        TestRows.With(TestRows.Valid("7"), (StressLevel, "Extreme")),
        TestRows.Valid(""),
        TestRows.With(TestRows.Valid("U2"), (Gender, "Robot"), (Occupation, "")),
        TestRows.Valid("U2"),
        TestRows.Valid("16777215"),
        TestRows.Valid("16777216"),
        TestRows.Valid("16777216"),
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryCheckThenTryAddUserId_DecidesEveryRowAsTryValidate(bool rejectDuplicates)
    {
        var options = new ValidationOptions { RejectDuplicateUserIds = rejectDuplicates };
        var reference = TestRows.NewValidator(options);
        var split = TestRows.NewValidator(options);

        foreach (var fields in Rows)
        {
            var expected = reference.TryValidate(fields, out var expectedRecord, out var why);
            var accepted = split.TryCheck(
                new StringRow(fields),
                out var record,
                out var rejection,
                out var userId
            );
            if (accepted && !split.TryAddUserId(userId))
            {
                accepted = false;
                rejection = RecordValidator.Duplicate;
                record = null;
            }

            Assert.Equal(expected, accepted);
            Assert.Equal(why, rejection);
            Assert.Equal(expectedRecord, record);
        }

        Assert.Equal(
            rejectDuplicates ? 4 : 0,
            reference.CreateReport().RejectsByReason.GetValueOrDefault(RejectReason.DuplicateUserId)
        );
    }

    [Fact]
    public void TryCheck_CountsNothingAndRemembersNoId()
    {
        var validator = TestRows.NewValidator();

        Assert.True(validator.TryCheck(new StringRow(TestRows.Valid("U1")), out _, out _, out _));
        Assert.True(validator.TryCheck(new StringRow(TestRows.Valid("U1")), out _, out _, out _));

        var report = validator.CreateReport();
        Assert.Equal(0, report.RowsRead);
        Assert.Equal(0, report.RowsAccepted);
        Assert.All(report.MissingByColumn.Values, count => Assert.Equal(0, count));
        // Nothing was remembered: the id is still new to the duplicate check.
        Assert.Equal("U1", validator.Accept(TestRows.Valid("U1")).UserId);
    }

    [Fact]
    public void TryCheck_FromManyThreadsAtOnce_GivesTheSequentialResults()
    {
        var validator = TestRows.NewValidator();
        var rows = Enumerable
            .Range(0, 4000)
            .Select(i =>
                i % 5 == 0
                    ? TestRows.With(TestRows.Valid($"U{i}"), (SleepHours, "x"))
                    : TestRows.Valid(i % 3 == 0 ? $"{i}" : $"U{i}")
            )
            .ToArray();
        var sequential = rows.Select(r => Check(validator, r)).ToArray();

        var parallel = new (bool, RowRejection, MentalHealthRecord?)[rows.Length];
        Parallel.For(
            0,
            rows.Length,
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i] = Check(validator, rows[i])
        );

        Assert.Equal(sequential, parallel);
        Assert.Equal(800, sequential.Count(r => !r.Item1));
    }

    private static (bool, RowRejection, MentalHealthRecord?) Check(
        RecordValidator validator,
        string[] fields
    ) =>
        (
            validator.TryCheck(new StringRow(fields), out var record, out var rejection, out _),
            rejection,
            record
        );
}
