namespace MentalHealthInsights.Core.Data.Validation;

/// <summary>
/// What the duplicate-id check of <see cref="RecordValidator"/> remembers of one User_ID: its
/// number when it is a plain decimal below 2²⁴, otherwise its 128-bit fingerprint. Computed by
/// <see cref="RecordValidator.TryCheck{TRow}"/> on any thread, and handed to
/// <see cref="RecordValidator.TryAddUserId"/> in file order.
/// </summary>
public readonly struct UserIdKey
{
    private UserIdKey(int number, UserIdHash hash)
    {
        Number = number;
        Hash = hash;
    }

    /// <summary>The id's number, or −1 when it is fingerprinted instead.</summary>
    internal int Number { get; }

    /// <summary>The id's fingerprint (default when <see cref="Number"/> holds it).</summary>
    internal UserIdHash Hash { get; }

    internal static UserIdKey Of(ReadOnlySpan<char> userId) =>
        DecimalIdBitmap.TryParse(userId, out var number)
            ? new UserIdKey(number, default)
            : new UserIdKey(-1, UserIdHash.Compute(userId));
}
