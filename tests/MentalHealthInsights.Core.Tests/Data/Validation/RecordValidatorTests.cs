using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;
using static MentalHealthInsights.Core.Data.DatasetSchema;

namespace MentalHealthInsights.Core.Tests.Data.Validation;

public class RecordValidatorTests
{
    [Fact]
    public void TryValidate_ValidRow_ReturnsTypedRecord()
    {
        var record = TestRows.NewValidator().Accept(TestRows.Valid("U7"));

        Assert.Equal("U7", record.UserId);
        Assert.Equal(30, record.Age);
        Assert.Equal("Female", record.Gender);
        Assert.Equal("IT", record.Occupation);
        Assert.Equal("USA", record.Country);
        Assert.True(record.HasCondition);
        Assert.Equal("Low", record.Severity);
        Assert.False(record.ConsultationHistory);
        Assert.Equal("Medium", record.StressLevel);
        Assert.Equal(7.5, record.SleepHours);
        Assert.Equal(40, record.WorkHours);
        Assert.Equal(3, record.PhysicalActivityHours);
    }

    [Fact]
    public void TryValidate_FieldLongerThanMax_RejectsFieldTooLong()
    {
        var validator = TestRows.NewValidator(new ValidationOptions { MaxFieldLength = 10 });

        var rejection = validator.Reject(TestRows.With((Occupation, new string('x', 11))));

        Assert.Equal(new RowRejection(RejectReason.FieldTooLong, Occupation), rejection);
        validator.Accept(TestRows.With((Occupation, new string('x', 10))));
    }

    [Fact]
    public void TryValidate_ReplacementCharacter_RejectsInvalidEncoding()
    {
        var rejection = TestRows.NewValidator().Reject(TestRows.With((Country, "U\uFFFDK")));

        Assert.Equal(new RowRejection(RejectReason.InvalidEncoding, Country), rejection);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(1)]
    public void TryValidate_WrongNumberOfFields_RejectsWrongFieldCount(int count)
    {
        var fields = TestRows.Valid().Concat(Enumerable.Repeat("x", 2)).Take(count).ToArray();

        var rejection = TestRows.NewValidator().Reject(fields);

        Assert.Equal(new RowRejection(RejectReason.WrongFieldCount, ""), rejection);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void TryValidate_EmptyUserId_RejectsMissingUserId(string userId)
    {
        var rejection = TestRows.NewValidator().Reject(TestRows.With((UserId, userId)));

        Assert.Equal(new RowRejection(RejectReason.MissingUserId, UserId), rejection);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void TryValidate_EmptyTarget_RejectsMissingTarget(string target)
    {
        var rejection = TestRows
            .NewValidator()
            .Reject(TestRows.With((MentalHealthCondition, target)));

        Assert.Equal(
            new RowRejection(RejectReason.MissingTarget, MentalHealthCondition),
            rejection
        );
    }

    [Theory]
    [InlineData("Maybe")]
    [InlineData("1")]
    [InlineData("Y")]
    [InlineData("True")]
    public void TryValidate_TargetNotYesOrNo_RejectsInvalidTarget(string target)
    {
        var rejection = TestRows
            .NewValidator()
            .Reject(TestRows.With((MentalHealthCondition, target)));

        Assert.Equal(
            new RowRejection(RejectReason.InvalidTarget, MentalHealthCondition),
            rejection
        );
    }

    [Theory]
    [InlineData(" yes ", true)]
    [InlineData("NO", false)]
    public void TryValidate_TargetAnyCase_IsParsed(string target, bool expected)
    {
        var record = TestRows.NewValidator().Accept(TestRows.With((MentalHealthCondition, target)));

        Assert.Equal(expected, record.HasCondition);
    }

    [Theory]
    [InlineData(Age, "thirty")]
    [InlineData(SleepHours, "7,5")]
    [InlineData(WorkHours, "0x10")]
    [InlineData(PhysicalActivityHours, "1 000")]
    [InlineData(Age, "30 years")]
    public void TryValidate_TextInNumericColumn_RejectsUnparsableNumber(string column, string value)
    {
        var rejection = TestRows.NewValidator().Reject(TestRows.With((column, value)));

        Assert.Equal(new RowRejection(RejectReason.UnparsableNumber, column), rejection);
    }

    [Theory]
    [InlineData(Age, "NaN")]
    [InlineData(SleepHours, "Infinity")]
    [InlineData(WorkHours, "-Infinity")]
    [InlineData(PhysicalActivityHours, "1e400")]
    public void TryValidate_NonFiniteNumber_RejectsNonFiniteNumber(string column, string value)
    {
        var rejection = TestRows.NewValidator().Reject(TestRows.With((column, value)));

        Assert.Equal(new RowRejection(RejectReason.NonFiniteNumber, column), rejection);
    }

    [Theory]
    [InlineData(Age, "15.99")]
    [InlineData(Age, "100.01")]
    [InlineData(SleepHours, "-1")]
    [InlineData(SleepHours, "24.5")]
    [InlineData(WorkHours, "-0.5")]
    [InlineData(WorkHours, "169")]
    [InlineData(PhysicalActivityHours, "-3")]
    [InlineData(PhysicalActivityHours, "200")]
    public void TryValidate_NumberOutsideDefaultRange_RejectsOutOfRange(string column, string value)
    {
        var rejection = TestRows.NewValidator().Reject(TestRows.With((column, value)));

        Assert.Equal(new RowRejection(RejectReason.OutOfRange, column), rejection);
    }

    [Theory]
    [InlineData(Age, "16")]
    [InlineData(Age, "100")]
    [InlineData(SleepHours, "0")]
    [InlineData(SleepHours, "24")]
    [InlineData(WorkHours, "168")]
    [InlineData(PhysicalActivityHours, "0")]
    [InlineData(Age, " 1.6e1 ")]
    [InlineData(Age, "+30")]
    public void TryValidate_NumberOnInclusiveBound_IsAccepted(string column, string value)
    {
        TestRows.NewValidator().Accept(TestRows.With((column, value)));
    }

    [Fact]
    public void TryValidate_ConfiguredRange_ReplacesTheDefault()
    {
        var validator = TestRows.NewValidator(
            new ValidationOptions { Age = new NumericRange(18, 65) }
        );

        Assert.Equal(RejectReason.OutOfRange, validator.Reject(TestRows.With((Age, "17"))).Reason);
        Assert.Equal(RejectReason.OutOfRange, validator.Reject(TestRows.With((Age, "66"))).Reason);
        validator.Accept(TestRows.With((Age, "65")));
    }

    [Theory]
    [InlineData(Severity, "Extreme")]
    [InlineData(ConsultationHistory, "Sometimes")]
    [InlineData(StressLevel, "Very High")]
    [InlineData(Severity, "Other")]
    public void TryValidate_UnknownValueInClosedList_RejectsInvalidCategory(
        string column,
        string value
    )
    {
        var rejection = TestRows.NewValidator().Reject(TestRows.With((column, value)));

        Assert.Equal(new RowRejection(RejectReason.InvalidCategory, column), rejection);
    }

    [Fact]
    public void TryValidate_RepeatedUserId_KeepsFirstAndRejectsTheRest()
    {
        var validator = TestRows.NewValidator();
        var first = validator.Accept(TestRows.With((UserId, "U1"), (Age, "20")));

        var second = validator.Reject(TestRows.With((UserId, " U1 "), (Age, "40")));
        var third = validator.Reject(TestRows.With((UserId, "U1")));

        Assert.Equal(20, first.Age);
        Assert.Equal(new RowRejection(RejectReason.DuplicateUserId, UserId), second);
        Assert.Equal(RejectReason.DuplicateUserId, third.Reason);
        validator.Accept(TestRows.With((UserId, "u1")));
    }

    [Fact]
    public void TryValidate_RepeatedNumericIds_ExactTextCompared()
    {
        // Plain numbers below 2^24 are kept in a bitmap, other IDs as fingerprints: neither
        // confuses "12" with "012", and repeats are found on both sides of the boundary.
        var validator = TestRows.NewValidator(expectedRows: 1_000);
        string[] firsts = ["0", "12", "012", "00", "16777215", "16777216", "99999999", "+12"];
        foreach (var id in firsts)
        {
            Assert.Equal(id, validator.Accept(TestRows.With((UserId, id))).UserId);
        }

        foreach (var id in firsts)
        {
            Assert.Equal(
                new RowRejection(RejectReason.DuplicateUserId, UserId),
                validator.Reject(TestRows.With((UserId, $" {id} ")))
            );
        }

        validator.Accept(TestRows.With((UserId, "13")));
        validator.Accept(TestRows.With((UserId, "0012")));
    }

    [Fact]
    public void TryValidate_DuplicateIdsAllowed_BothAccepted()
    {
        var validator = TestRows.NewValidator(
            ValidationOptions.Default with
            {
                RejectDuplicateUserIds = false,
            }
        );

        var first = validator.Accept(TestRows.With((UserId, "U1")));
        var second = validator.Accept(TestRows.With((UserId, "U1")));

        Assert.Equal(first.UserId, second.UserId);
        Assert.Equal(0, validator.RowsRejected);
    }

    [Fact]
    public void TryValidate_IdOfRejectedRow_IsNotRemembered()
    {
        var validator = TestRows.NewValidator();
        validator.Reject(TestRows.With((UserId, "U1"), (Age, "abc")));

        var record = validator.Accept(TestRows.With((UserId, "U1")));

        Assert.Equal("U1", record.UserId);
    }

    [Fact]
    public void Constructor_IncompleteMap_Throws()
    {
        var map = ColumnMap.FromHeader(Columns.Skip(1).ToArray());

        Assert.Throws<ArgumentException>(() => new RecordValidator(map));
    }

    [Fact]
    public void EnsureValid_InvertedRange_Throws()
    {
        var options = new ValidationOptions { SleepHours = new NumericRange(10, 5) };

        var error = Assert.Throws<ArgumentException>(() => RecordValidator.EnsureValid(options));

        Assert.Contains(
            nameof(ValidationOptions.SleepHours),
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void EnsureValid_NonPositiveMaxFieldLength_Throws()
    {
        var options = new ValidationOptions { MaxFieldLength = 0 };

        Assert.Throws<ArgumentException>(() => RecordValidator.EnsureValid(options));
    }
}
