using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;
using static MentalHealthInsights.Core.Data.DatasetSchema;

namespace MentalHealthInsights.Core.Tests.Data.Validation;

public class RecordValidatorOrderTests
{
    private const int MaxLength = 20;

    [Fact]
    public void CheckOrder_ListsEveryReasonOnce()
    {
        Assert.Equal(Enum.GetValues<RejectReason>().Order(), RecordValidator.CheckOrder.Order());
    }

    public static TheoryData<RejectReason, RejectReason> OrderedPairs()
    {
        var data = new TheoryData<RejectReason, RejectReason>();
        var order = RecordValidator.CheckOrder;
        for (var i = 0; i < order.Count; i++)
        {
            for (var j = i + 1; j < order.Count; j++)
            {
                if (CanCombine(order[i], order[j]))
                {
                    data.Add(order[i], order[j]);
                }
            }
        }

        return data;
    }

    // Each pair of failures is injected into one row; the earlier check in CheckOrder must win.
    [Theory]
    [MemberData(nameof(OrderedPairs))]
    public void TryValidate_RowFailingTwoChecks_ReportsTheEarlierOne(
        RejectReason earlier,
        RejectReason later
    )
    {
        var validator = TestRows.NewValidator(new ValidationOptions { MaxFieldLength = MaxLength });
        validator.Accept(TestRows.Valid("dup"));
        var row = Inject(Inject(TestRows.Valid("fresh"), earlier), later);

        var rejection = validator.Reject(row);

        Assert.Equal(earlier, rejection.Reason);
    }

    [Theory]
    [MemberData(nameof(AllReasons))]
    public void TryValidate_RowFailingOneCheck_ReportsIt(RejectReason reason)
    {
        var validator = TestRows.NewValidator(new ValidationOptions { MaxFieldLength = MaxLength });
        validator.Accept(TestRows.Valid("dup"));

        var rejection = validator.Reject(Inject(TestRows.Valid("fresh"), reason));

        Assert.Equal(reason, rejection.Reason);
    }

    public static TheoryData<RejectReason> AllReasons() => new(Enum.GetValues<RejectReason>());

    [Fact]
    public void TryValidate_UnparsableLaterColumnAndOutOfRangeEarlierColumn_ReportsUnparsable()
    {
        var row = TestRows.With((Age, "200"), (PhysicalActivityHours, "abc"));

        var rejection = TestRows.NewValidator().Reject(row);

        Assert.Equal(
            new RowRejection(RejectReason.UnparsableNumber, PhysicalActivityHours),
            rejection
        );
    }

    [Fact]
    public void TryValidate_TwoInvalidCategories_ReportsSchemaOrderFirst()
    {
        var row = TestRows.With((StressLevel, "x"), (Severity, "y"));

        var rejection = TestRows.NewValidator().Reject(row);

        Assert.Equal(new RowRejection(RejectReason.InvalidCategory, Severity), rejection);
    }

    // Pairs that fail the same column in incompatible ways cannot share one row.
    private static bool CanCombine(RejectReason a, RejectReason b) =>
        !(
            Is(a, b, RejectReason.MissingTarget, RejectReason.InvalidTarget)
            || Is(a, b, RejectReason.MissingUserId, RejectReason.DuplicateUserId)
        );

    private static bool Is(RejectReason a, RejectReason b, RejectReason x, RejectReason y) =>
        (a == x && b == y) || (a == y && b == x);

    // Each reason damages its own column, so two injections never undo each other.
    private static string[] Inject(string[] row, RejectReason reason) =>
        reason switch
        {
            RejectReason.FieldTooLong => TestRows.With(
                row,
                (Occupation, new string('x', MaxLength + 1))
            ),
            RejectReason.InvalidEncoding => TestRows.With(row, (Gender, "F\uFFFD")),
            RejectReason.WrongFieldCount => [.. row, "extra"],
            RejectReason.MissingUserId => TestRows.With(row, (UserId, "")),
            RejectReason.DuplicateUserId => TestRows.With(row, (UserId, "dup")),
            RejectReason.MissingTarget => TestRows.With(row, (MentalHealthCondition, "")),
            RejectReason.InvalidTarget => TestRows.With(row, (MentalHealthCondition, "Maybe")),
            RejectReason.UnparsableNumber => TestRows.With(row, (WorkHours, "lots")),
            RejectReason.NonFiniteNumber => TestRows.With(row, (SleepHours, "NaN")),
            RejectReason.OutOfRange => TestRows.With(row, (Age, "150")),
            RejectReason.InvalidCategory => TestRows.With(row, (Severity, "Extreme")),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
        };
}
