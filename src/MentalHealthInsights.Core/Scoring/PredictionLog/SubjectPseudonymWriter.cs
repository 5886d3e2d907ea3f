using System.Security.Cryptography;
using System.Text;

namespace MentalHealthInsights.Core.Scoring.PredictionLog;

/// <summary>
/// Writes pseudonyms straight into UTF-8 buffers with one reused HMAC-SHA-256 instance, for hot
/// loops such as batch scoring: the same 64 lowercase hex characters as
/// <see cref="SubjectPseudonymiser.Pseudonymise"/>, without a new HMAC context (key setup) and
/// three allocations per id. Not thread-safe: one per thread; dispose it when done.
/// </summary>
public sealed class SubjectPseudonymWriter : IDisposable
{
    /// <summary>Bytes written per pseudonym (64 hexadecimal characters).</summary>
    public const int Length = 2 * HMACSHA256.HashSizeInBytes;

    private readonly IncrementalHash hmac;
    private byte[] utf8 = new byte[256];

    internal SubjectPseudonymWriter(byte[] key) =>
        hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    /// <summary>Writes the pseudonym of <paramref name="userId"/> into the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Length"/>.</exception>
    public void Write(string userId, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (destination.Length < Length)
        {
            throw new ArgumentException("The destination must hold 64 bytes.", nameof(destination));
        }

        var needed = Encoding.UTF8.GetMaxByteCount(userId.Length);
        if (utf8.Length < needed)
        {
            utf8 = new byte[needed];
        }

        // The same encoder (lone surrogates become U+FFFD) as Pseudonymise, so the same bytes.
        var count = Encoding.UTF8.GetBytes(userId, utf8);
        hmac.AppendData(utf8, 0, count);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hmac.GetHashAndReset(hash);
        Convert.TryToHexStringLower(hash, destination, out _);
    }

    /// <inheritdoc />
    public void Dispose() => hmac.Dispose();
}
