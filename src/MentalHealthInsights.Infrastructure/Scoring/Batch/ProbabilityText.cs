using System.Globalization;
using System.Runtime.CompilerServices;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// Writes a probability as UTF-8 exactly as <c>double.TryFormat(…, "R", InvariantCulture)</c>
/// does — the shortest decimal that reads back as the same double, the closest one when several
/// are that short — but without the runtime's general-purpose formatter for the values a model
/// gives: doubles that are exactly a float (the scorers compute in float) between 2^-13 and 1.
/// Every other value, and the two rare cases below, goes to the runtime's formatter.
/// </summary>
/// <remarks>
/// Such a value is <c>m·2^-k</c> with a 24-bit <c>m</c> and <c>k ≤ 36</c>. With <c>e</c> chosen so
/// that <c>q = ⌊m·10^e / 2^k⌋</c> has 17 digits, <c>X = m·10^e</c> is exact in 128 bits, and a
/// decimal <c>c·10^(j-e)</c> reads back as the same double exactly when its distance from the
/// value is within half a double ulp (<c>2^(-k-30)</c>): when <c>|c·10^j·2^k − X| · 2^30 ≤ 10^e</c>.
/// Equality cannot happen (the left side has 30 factors of two, <c>10^e</c> has <c>e ≤ 20</c>), so
/// the round-half-even boundary of reading never matters. The shortest length with a decimal
/// inside is found from 16 digits (17 always reads back; most values need 16 or 17) and the
/// nearest decimal of that length is written, as the runtime does. A power of two (whose lower
/// neighbour is closer) and a tie between two nearest decimals are left to the runtime. No
/// division wider than 64 bits. Tests compare it with the runtime on every float of two binades
/// and on random ones; a one-off check compared all 109 million floats of the range.
/// </remarks>
internal static class ProbabilityText
{
    // Fast path: floats with biased exponent 114..126, i.e. values in [2^-13, 1).
    private const int LowestExponent = 114;
    private const int HighestExponent = 126;
    private const ulong Ten16 = 10_000_000_000_000_000;
    private const ulong Ten17 = 100_000_000_000_000_000;

    // 10^0 .. 10^20.
    private static readonly UInt128[] PowersOfTen = Powers(21);

    // Per exponent: the scale e that gives the binade's smallest value (m = 2^23) 17 digits.
    private static readonly int[] Scales = StartScales();

    /// <summary>Writes <paramref name="value"/> in the "R" format; false when the destination is too short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryWrite(double value, Span<byte> destination, out int written)
    {
        var single = (float)value;
        var bits = BitConverter.SingleToUInt32Bits(single);
        var exponent = (int)(bits >> 23);
        var fraction = bits & 0x7F_FFFF;
        if (
            (double)single != value
            || exponent < LowestExponent
            || exponent > HighestExponent
            || fraction == 0
        )
        {
            return Runtime(value, destination, out written);
        }

        var m = fraction | 0x80_0000u;
        var k = 150 - exponent;
        var scale = Scales[exponent - LowestExponent];
        var product = m * PowersOfTen[scale];
        var q = (ulong)(product >> k);
        if (q >= Ten17)
        {
            scale--;
            product = m * PowersOfTen[scale];
            q = (ulong)(product >> k);
        }

        var fractionBits = (ulong)product & ((1UL << k) - 1);
        var slack = PowersOfTen[scale] >> 30;

        // Drop j digits of q (17 − j significant digits): 1 first, then more while it still
        // reads back, or none when one dropped digit is already too many.
        var dropped = 1;
        var status = Nearest(q, fractionBits, k, 10, slack, out var nearest);
        if (status == Fit.Inside)
        {
            while (dropped < 16)
            {
                var shorter = Nearest(
                    q,
                    fractionBits,
                    k,
                    (ulong)PowersOfTen[dropped + 1],
                    slack,
                    out var candidate
                );
                if (shorter == Fit.Tie)
                {
                    return Runtime(value, destination, out written);
                }

                if (shorter == Fit.Outside)
                {
                    break;
                }

                dropped++;
                nearest = candidate;
            }
        }
        else
        {
            if (status == Fit.Tie)
            {
                return Runtime(value, destination, out written);
            }

            dropped = 0;
            if (Nearest(q, fractionBits, k, 1, slack, out nearest) != Fit.Inside)
            {
                // 17 significant digits always read back; anything else would be a defect here.
                return Runtime(value, destination, out written);
            }
        }

        // value ≈ nearest · 10^-(scale - dropped), 17 − dropped digits; a carry (…999 → 1000)
        // adds one and leaves trailing zeros, the only way to get any.
        var decimals = scale - dropped;
        var count = 17 - dropped;
        if (nearest >= (ulong)PowersOfTen[count])
        {
            count++;
        }

        while (nearest % 10 == 0)
        {
            nearest /= 10;
            decimals--;
            count--;
        }

        written = 2 + decimals;
        if (destination.Length < written)
        {
            written = 0;
            return false;
        }

        destination[0] = (byte)'0';
        destination[1] = (byte)'.';
        destination.Slice(2, decimals - count).Fill((byte)'0');
        var at = written;
        while (nearest >= 100)
        {
            var pair = (int)(nearest % 100);
            nearest /= 100;
            at -= 2;
            destination[at] = (byte)('0' + pair / 10);
            destination[at + 1] = (byte)('0' + pair % 10);
        }

        if (nearest >= 10)
        {
            destination[at - 1] = (byte)('0' + (int)(nearest % 10));
            nearest /= 10;
            at--;
        }

        destination[at - 1] = (byte)('0' + (int)nearest);
        return true;
    }

    private enum Fit
    {
        Inside,
        Outside,
        Tie,
    }

    // The decimal nearest to the value (q + fraction / 2^k in units of 10^-e) in steps of unit
    // (10^dropped: 17 − dropped significant digits), as a count of units, and whether it reads
    // back as the value. Inlined, so that a constant unit divides by multiplication.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fit Nearest(
        ulong q,
        ulong fraction,
        int k,
        ulong unit,
        UInt128 slack,
        out ulong nearest
    )
    {
        nearest = q / unit;
        var below = ((UInt128)(q - nearest * unit) << k) + fraction;
        var whole = (UInt128)unit << k;
        var above = whole - below;
        if (below == above)
        {
            return Fit.Tie;
        }

        if (above < below)
        {
            nearest++;
            return above <= slack ? Fit.Inside : Fit.Outside;
        }

        return below <= slack ? Fit.Inside : Fit.Outside;
    }

    private static bool Runtime(double value, Span<byte> destination, out int written) =>
        value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);

    private static UInt128[] Powers(int count)
    {
        var powers = new UInt128[count];
        powers[0] = 1;
        for (var i = 1; i < count; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    private static int[] StartScales()
    {
        var scales = new int[HighestExponent - LowestExponent + 1];
        for (var exponent = LowestExponent; exponent <= HighestExponent; exponent++)
        {
            var k = 150 - exponent;
            var scale = 0;
            while ((ulong)((0x80_0000u * PowersOfTen[scale]) >> k) < Ten16)
            {
                scale++;
            }

            scales[exponent - LowestExponent] = scale;
        }

        return scales;
    }
}
