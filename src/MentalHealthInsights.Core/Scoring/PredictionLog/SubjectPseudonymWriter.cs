using System.Runtime.CompilerServices;
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

    // UTF-8 bytes of one id are at most three per UTF-16 char; a slot holds any id that fits
    // one inner block, with room to find out that a 55-char id does not.
    private const int SlotBytes = 3 * HmacSha256x16.MaxMessageBytes;

    private readonly IncrementalHash hmac;
    private readonly HmacSha256x16? lanes;
    private byte[] utf8 = new byte[256];

    internal SubjectPseudonymWriter(byte[] key, bool vectorised = true)
    {
        hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        lanes = vectorised && HmacSha256x16.IsSupported ? new HmacSha256x16(key) : null;
    }

    /// <summary>Whether <see cref="WriteMany"/> computes sixteen pseudonyms at a time (AVX-512).</summary>
    public bool IsVectorised => lanes is not null;

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

    /// <summary>
    /// Writes the pseudonym of <paramref name="userIds"/>[i] into bytes <c>64 i</c> to
    /// <c>64 i + 63</c> of <paramref name="destination"/>: the bytes <see cref="Write"/> gives,
    /// sixteen ids per HMAC computation where the machine has AVX-512 and the id's UTF-8 form
    /// fits one SHA-256 block (55 bytes); other ids go through the platform HMAC one by one.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 64 bytes per id.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteMany(ReadOnlySpan<string> userIds, Span<byte> destination)
    {
        if (destination.Length < userIds.Length * Length)
        {
            throw new ArgumentException(
                "The destination must hold 64 bytes per id.",
                nameof(destination)
            );
        }

        if (lanes is null)
        {
            for (var i = 0; i < userIds.Length; i++)
            {
                Write(userIds[i], destination.Slice(i * Length, Length));
            }

            return;
        }

        Span<byte> messages = stackalloc byte[HmacSha256x16.Lanes * SlotBytes];
        Span<int> starts = stackalloc int[HmacSha256x16.Lanes];
        Span<int> lengths = stackalloc int[HmacSha256x16.Lanes];
        Span<int> rows = stackalloc int[HmacSha256x16.Lanes];
        Span<byte> digests = stackalloc byte[HmacSha256x16.Lanes * HMACSHA256.HashSizeInBytes];
        var pending = 0;
        for (var i = 0; i < userIds.Length; i++)
        {
            var userId = userIds[i];
            ArgumentNullException.ThrowIfNull(userId);
            var slot = messages.Slice(pending * SlotBytes, SlotBytes);
            var count =
                userId.Length <= HmacSha256x16.MaxMessageBytes
                    ? Encoding.UTF8.GetBytes(userId, slot)
                    : int.MaxValue;
            if (count > HmacSha256x16.MaxMessageBytes)
            {
                Write(userId, destination.Slice(i * Length, Length));
                continue;
            }

            starts[pending] = pending * SlotBytes;
            lengths[pending] = count;
            rows[pending] = i;
            if (++pending == HmacSha256x16.Lanes)
            {
                Flush(messages, starts, lengths, rows, digests, destination);
                pending = 0;
            }
        }

        if (pending > 0)
        {
            Flush(
                messages,
                starts[..pending],
                lengths[..pending],
                rows[..pending],
                digests,
                destination
            );
        }
    }

    private void Flush(
        ReadOnlySpan<byte> messages,
        ReadOnlySpan<int> starts,
        ReadOnlySpan<int> lengths,
        ReadOnlySpan<int> rows,
        Span<byte> digests,
        Span<byte> destination
    )
    {
        lanes!.Compute(messages, starts, lengths, digests);
        for (var lane = 0; lane < rows.Length; lane++)
        {
            Convert.TryToHexStringLower(
                digests.Slice(lane * HMACSHA256.HashSizeInBytes, HMACSHA256.HashSizeInBytes),
                destination.Slice(rows[lane] * Length, Length),
                out _
            );
        }
    }

    /// <inheritdoc />
    public void Dispose() => hmac.Dispose();
}
