using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace MentalHealthInsights.Core.Data.Validation;

/// <summary>
/// Validates the rows of one input against <see cref="DatasetSchema"/> and a
/// <see cref="ValidationOptions"/>, turning each row into a <see cref="MentalHealthRecord"/> or
/// one <see cref="RowRejection"/>, and keeps the counts for the <see cref="ValidationReport"/>.
/// Parser-independent: the CSV reader hands it fields as spans (<see cref="IRowFields"/>).
/// </summary>
/// <remarks>
/// Stateful (counts and the set of seen User_IDs) and not thread-safe: use one instance per
/// input, rows in file order. The exception is <see cref="TryCheck{TRow}"/>, every check but
/// the duplicate-id one, which touches no state, so several threads can check rows while one
/// finishes them in order with <see cref="TryAddUserId"/>. Memory grows only with the number of distinct accepted User_IDs
/// (about 28–54 bytes each, see docs/data-validation.md). Never throws for bad data.
/// </remarks>
public sealed partial class RecordValidator
{
    private readonly ValidationOptions options;
    private readonly ColumnMap columns;
    private readonly int[] fieldOf;
    private readonly UserIdSet acceptedIds;
    private readonly DecimalIdBitmap acceptedNumbers = new();

    /// <summary>Creates a validator for rows laid out as <paramref name="columns"/> describes.</summary>
    /// <param name="columns">A complete header map (<see cref="ColumnMap.IsComplete"/>).</param>
    /// <param name="options">The rules; <see cref="ValidationOptions.Default"/> when null.</param>
    /// <param name="expectedRows">
    /// Roughly how many rows will come (0: unknown). Only sizes the duplicate-id table up front;
    /// any count works.
    /// </param>
    /// <exception cref="ArgumentException">The map is incomplete or the options are invalid.</exception>
    public RecordValidator(
        ColumnMap columns,
        ValidationOptions? options = null,
        long expectedRows = 0
    )
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (!columns.IsComplete)
        {
            throw new ArgumentException(
                "The column map lacks or repeats schema columns; report it as a fatal error instead.",
                nameof(columns)
            );
        }

        this.options = options ?? ValidationOptions.Default;
        EnsureValid(this.options);
        this.columns = columns;
        acceptedIds = new UserIdSet(this.options.RejectDuplicateUserIds ? expectedRows : 0);
        fieldOf = DatasetSchema.Columns.Select(columns.FieldIndexOf).ToArray();
    }

    /// <summary>
    /// The order in which checks run; a rejected row gets the reason of the first check it
    /// fails. Within one reason, columns are checked in <see cref="DatasetSchema.Columns"/>
    /// order (all fields of the row, left to right, for the first two).
    /// </summary>
    public static IReadOnlyList<RejectReason> CheckOrder { get; } =
    [
        RejectReason.FieldTooLong,
        RejectReason.InvalidEncoding,
        RejectReason.WrongFieldCount,
        RejectReason.MissingUserId,
        RejectReason.MissingTarget,
        RejectReason.InvalidTarget,
        RejectReason.UnparsableNumber,
        RejectReason.NonFiniteNumber,
        RejectReason.OutOfRange,
        RejectReason.InvalidCategory,
        RejectReason.DuplicateUserId,
    ];

    /// <summary>Throws when <paramref name="options"/> cannot be applied (bad ranges or field length).</summary>
    /// <exception cref="ArgumentException">Names the offending option.</exception>
    public static void EnsureValid(ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxFieldLength < 1)
        {
            throw new ArgumentException(
                $"{nameof(ValidationOptions.MaxFieldLength)} must be at least 1.",
                nameof(options)
            );
        }

        EnsureValid(options.Age, nameof(ValidationOptions.Age));
        EnsureValid(options.SleepHours, nameof(ValidationOptions.SleepHours));
        EnsureValid(options.WorkHours, nameof(ValidationOptions.WorkHours));
        EnsureValid(options.PhysicalActivityHours, nameof(ValidationOptions.PhysicalActivityHours));
    }

    /// <summary>
    /// Validates one data row. On success <paramref name="record"/> holds the typed record
    /// (canonical category strings, NaN/null for missing values) and its User_ID is remembered;
    /// otherwise <paramref name="rejection"/> says why. Every call counts as one row read.
    /// </summary>
    public bool TryValidate<TRow>(
        TRow row,
        [NotNullWhen(true)] out MentalHealthRecord? record,
        out RowRejection rejection
    )
        where TRow : IRowFields, allows ref struct
    {
        RowsRead++;
        var parsed = default(ParsedRow);
        var failure = CheckFields(row, ref parsed);
        if (failure is null && !TryAddUserId(parsed.UserId))
        {
            failure = Duplicate;
        }

        if (failure is { } rejected)
        {
            RowsRejected++;
            rejectsByReason[(int)rejected.Reason]++;
            record = null;
            rejection = rejected;
            return false;
        }

        record = Build(row, ref parsed);
        Commit(parsed.MissingMask, parsed.UnknownMask);
        rejection = default;
        return true;
    }

    /// <summary>
    /// Every check of <see cref="TryValidate{TRow}"/> but the duplicate-id one, without touching
    /// this validator's state: safe on any number of threads at once. On success the row's
    /// record is built and <paramref name="userId"/> holds what the duplicate-id check needs;
    /// pass it to <see cref="TryAddUserId"/> in file order to finish the row. Neither call
    /// counts towards <see cref="CreateReport"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryCheck<TRow>(
        TRow row,
        [NotNullWhen(true)] out MentalHealthRecord? record,
        out RowRejection rejection,
        out UserIdKey userId
    )
        where TRow : IRowFields, allows ref struct
    {
        var parsed = default(ParsedRow);
        if (CheckFields(row, ref parsed) is { } failure)
        {
            record = null;
            rejection = failure;
            userId = default;
            return false;
        }

        userId = parsed.UserId;
        record = Build(row, ref parsed);
        rejection = default;
        return true;
    }

    /// <summary>
    /// The duplicate-id check, last of all, of a row that passed every other check
    /// (<see cref="TryCheck{TRow}"/>): true when its User_ID is new (it is now remembered) or
    /// duplicates are allowed; false for a repeat, which is rejected as <see cref="Duplicate"/>.
    /// Not thread-safe: call it in file order.
    /// </summary>
    public bool TryAddUserId(in UserIdKey userId) =>
        !options.RejectDuplicateUserIds
        // Plain numbers (the dataset's 1, 2, 3, …) take a bit of a bitmap; other IDs a slot of
        // the fingerprint table (a cache miss per row at 1 M IDs).
        || (userId.Number >= 0 ? acceptedNumbers.Add(userId.Number) : acceptedIds.Add(userId.Hash));

    /// <summary>The rejection of a row whose User_ID an earlier row already has.</summary>
    public static RowRejection Duplicate { get; } =
        new(RejectReason.DuplicateUserId, DatasetSchema.UserId);

    // The single place that fixes the check order (the duplicate-id check, last, is
    // TryAddUserId); CheckOrder lists the same sequence and a test fails each pair of checks at
    // once to prove they agree.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RowRejection? CheckFields<TRow>(TRow row, ref ParsedRow p)
        where TRow : IRowFields, allows ref struct
    {
        if (CheckLengthAndEncoding(row, columns, options.MaxFieldLength) is { } textFailure)
        {
            return textFailure;
        }

        if (row.Count != columns.FieldCount)
        {
            return new(RejectReason.WrongFieldCount, string.Empty);
        }

        var userId = row[fieldOf[UserIdColumn]].Trim();
        if (userId.IsEmpty)
        {
            return new(RejectReason.MissingUserId, DatasetSchema.UserId);
        }

        var target = row[fieldOf[TargetColumn]].Trim();
        if (target.IsEmpty)
        {
            return new(RejectReason.MissingTarget, DatasetSchema.MentalHealthCondition);
        }

        if (ParseYesNo(target) is not { } hasCondition)
        {
            return new(RejectReason.InvalidTarget, DatasetSchema.MentalHealthCondition);
        }

        p.HasCondition = hasCondition;
        if (CheckNumbers(row, ref p) is { } numberFailure)
        {
            return numberFailure;
        }

        if (CheckClosedCategories(row, ref p) is { } categoryFailure)
        {
            return categoryFailure;
        }

        // What the duplicate-id check (TryAddUserId) needs, computed once from the trimmed id.
        if (options.RejectDuplicateUserIds)
        {
            p.UserId = UserIdKey.Of(userId);
        }

        return null;
    }

    /// <summary>
    /// The first two checks of <see cref="CheckOrder"/>, on their own: a field longer than
    /// <paramref name="maxFieldLength"/> characters (<see cref="RejectReason.FieldTooLong"/>),
    /// then a field holding U+FFFD, which the readers' UTF-8 decoding makes of bytes that are not
    /// valid UTF-8 (<see cref="RejectReason.InvalidEncoding"/>); each over every field of the
    /// row, left to right, named by <paramref name="columns"/>. Null when the row passes both.
    /// Also applied by the label import, which reads only two columns of the dataset, so its
    /// rows are rejected for the same reasons. Allocates nothing: a short row without U+FFFD
    /// costs a length compare and one scan of its text.
    /// </summary>
    /// <param name="row">The row's fields.</param>
    /// <param name="columns">The header map that names the fields (<see cref="ColumnMap.FieldName"/>).</param>
    /// <param name="maxFieldLength">The longest accepted field (<see cref="ValidationOptions.MaxFieldLength"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RowRejection? CheckLengthAndEncoding<TRow>(
        TRow row,
        ColumnMap columns,
        int maxFieldLength
    )
        where TRow : IRowFields, allows ref struct
    {
        // Fields are drawn from the row text: a short row without U+FFFD passes both scans.
        var text = row.Text;
        return text.Length > maxFieldLength || text.Contains(ReplacementChar)
            ? FindLongOrUndecodableField(row, columns, maxFieldLength)
            : null;
    }

    private static RowRejection? FindLongOrUndecodableField<TRow>(
        TRow row,
        ColumnMap columns,
        int maxFieldLength
    )
        where TRow : IRowFields, allows ref struct
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (row[i].Length > maxFieldLength)
            {
                return new(RejectReason.FieldTooLong, columns.FieldName(i));
            }
        }

        for (var i = 0; i < row.Count; i++)
        {
            if (row[i].Contains(ReplacementChar))
            {
                return new(RejectReason.InvalidEncoding, columns.FieldName(i));
            }
        }

        return null;
    }

    private static void EnsureValid(NumericRange range, string name)
    {
        if (double.IsNaN(range.Min) || double.IsNaN(range.Max) || range.Min > range.Max)
        {
            throw new ArgumentException(
                $"{name} must have Min <= Max (both numbers); infinite bounds mean unbounded.",
                nameof(range)
            );
        }
    }
}
