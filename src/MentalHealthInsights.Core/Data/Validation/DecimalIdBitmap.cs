using System.Runtime.CompilerServices;

namespace MentalHealthInsights.Core.Data.Validation;

/// <summary>
/// The accepted User_IDs that are plain decimal numbers below 2²⁴ (no sign, no leading zero:
/// "7", "1000000"), one bit each in a bitmap that grows to the largest seen. The public
/// dataset's IDs are 1, 2, 3, …: a million of them take 125 KB that stay in the cache, where the
/// fingerprint table (<see cref="UserIdSet"/>) takes 32 MB and a memory access per row. Such a
/// text and its number determine each other, and every other ID goes to the fingerprint table,
/// so the two sets never confuse IDs ("12" and "012" stay different).
/// </summary>
internal sealed class DecimalIdBitmap
{
    /// <summary>IDs from 0 up to (not including) this number are kept here.</summary>
    public const int Limit = 1 << 24;

    private const int MaxDigits = 8;

    private ulong[] bits = new ulong[16];

    /// <summary>Number of IDs held.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes held by the bitmap.</summary>
    public long AllocatedBytes => (long)bits.Length * sizeof(ulong);

    /// <summary>
    /// The number <paramref name="id"/> spells when it is in this set's domain: ASCII digits
    /// only, no leading zero (except "0" itself), below <see cref="Limit"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> id, out int number)
    {
        number = 0;
        if (id.IsEmpty || id.Length > MaxDigits || (id[0] == '0' && id.Length > 1))
        {
            return false;
        }

        foreach (var c in id)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            number = (number * 10) + (int)digit;
        }

        return number < Limit;
    }

    /// <summary>Adds <paramref name="number"/> (0 ≤ number &lt; <see cref="Limit"/>); false when it was already present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(number, Limit);
        var word = number >> 6;
        if (word >= bits.Length)
        {
            var length = bits.Length;
            while (length <= word)
            {
                length *= 2;
            }

            Array.Resize(ref bits, length);
        }

        var mask = 1UL << (number & 63);
        if ((bits[word] & mask) != 0)
        {
            return false;
        }

        bits[word] |= mask;
        Count++;
        return true;
    }
}
