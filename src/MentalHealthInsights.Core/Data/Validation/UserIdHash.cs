using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MentalHealthInsights.Core.Data.Validation;

/// <summary>
/// A 128-bit fingerprint of a User_ID: two independent 64-bit hashes of its UTF-16 code units.
/// Used to detect duplicate IDs in bounded memory without keeping every ID string. Two distinct
/// IDs share a fingerprint with probability about n²/2¹²⁹ for n IDs (≈ 1.5e-27 at 1 M IDs).
/// </summary>
/// <remarks>
/// Stored in <see cref="UserIdSet"/> (16 bytes a slot). The hashes are deterministic
/// (no per-process seed), so results never depend on the run. System.IO.Hashing's XxHash128 is
/// not part of the BCL, hence the two small multiply–xorshift hashes below.
/// </remarks>
internal readonly struct UserIdHash : IEquatable<UserIdHash>
{
    // Different seeds and block multipliers make the two halves independent in practice.
    private const ulong SeedA = 0x9E3779B97F4A7C15;
    private const ulong SeedB = 0xD6E8FEB86659FD93;
    private const ulong MulA = 0xFF51AFD7ED558CCD;
    private const ulong MulB = 0xC2B2AE3D27D4EB4F;

    private readonly ulong a;
    private readonly ulong b;

    private UserIdHash(ulong a, ulong b)
    {
        this.a = a;
        this.b = b;
    }

    /// <summary>Fingerprints <paramref name="id"/> exactly as given (ordinal, no trimming).</summary>
    public static UserIdHash Compute(ReadOnlySpan<char> id)
    {
        var bytes = MemoryMarshal.AsBytes(id);
        var ha = SeedA ^ ((ulong)bytes.Length * MulA);
        var hb = SeedB ^ ((ulong)bytes.Length * MulB);
        while (bytes.Length >= 8)
        {
            var k = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            ha = Block(ha, k, MulA);
            hb = Block(hb, k, MulB);
            bytes = bytes[8..];
        }

        if (!bytes.IsEmpty)
        {
            ulong k = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                k |= (ulong)bytes[i] << (8 * i);
            }

            ha = Block(ha, k, MulA);
            hb = Block(hb, k, MulB);
        }

        // (0, 0) marks an empty slot in UserIdSet; moving it costs one fingerprint in 2^128.
        var a = Finish(ha);
        var b = Finish(hb);
        return new UserIdHash(a, (a | b) == 0 ? 1 : b);
    }

    /// <summary>The first 64-bit half (exposed for tests of independence).</summary>
    internal ulong A => a;

    /// <summary>The second 64-bit half.</summary>
    internal ulong B => b;

    public bool Equals(UserIdHash other) => a == other.a && b == other.b;

    public override bool Equals(object? obj) => obj is UserIdHash other && Equals(other);

    // Both halves are already well mixed; folding one is enough for bucket selection.
    public override int GetHashCode() => (int)(a ^ (a >> 32));

    public static bool operator ==(UserIdHash left, UserIdHash right) => left.Equals(right);

    public static bool operator !=(UserIdHash left, UserIdHash right) => !left.Equals(right);

    private static ulong Block(ulong h, ulong k, ulong mul)
    {
        k *= mul;
        k ^= k >> 31;
        k *= mul;
        h ^= k;
        return (h ^ (h >> 29)) * mul;
    }

    // MurmurHash3's 64-bit finaliser: full avalanche of the accumulated state.
    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCD;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53;
        h ^= h >> 33;
        return h;
    }
}
