using System.Runtime.CompilerServices;

namespace MentalHealthInsights.Core.Data.Validation;

/// <summary>
/// A fast, exact parser for the plain decimals that fill numeric columns ("7.5", "-40", "12").
/// Anything else (exponents, NaN, long digit strings, stray characters) is left to
/// <see cref="double.TryParse(ReadOnlySpan{char}, System.Globalization.NumberStyles, IFormatProvider, out double)"/>.
/// </summary>
/// <remarks>
/// Exactness (Clinger's fast path): with at most 15 significant digits the digits form an
/// integer m below 2⁵³, and 10^k for k ≤ 22 is an exact double, so m / 10^k is one correctly
/// rounded IEEE division: the same double the framework's parser returns.
/// </remarks>
internal static class SimpleDecimal
{
    private const int MaxDigits = 15;

    private static readonly double[] PowersOfTen =
    [
        1e0,
        1e1,
        1e2,
        1e3,
        1e4,
        1e5,
        1e6,
        1e7,
        1e8,
        1e9,
        1e10,
        1e11,
        1e12,
        1e13,
        1e14,
        1e15,
        1e16,
        1e17,
        1e18,
        1e19,
        1e20,
        1e21,
        1e22,
    ];

    /// <summary>Parses <c>[+-]digits[.digits]</c> (or <c>[+-].digits</c>); false for any other text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var fractionDigits = 0;
        var seenPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }

            var digit = c - '0';
            if ((uint)digit > 9 || ++digits > MaxDigits)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
            fractionDigits += seenPoint ? 1 : 0;
        }

        if (digits == 0)
        {
            return false;
        }

        var magnitude = mantissa / PowersOfTen[fractionDigits];
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
