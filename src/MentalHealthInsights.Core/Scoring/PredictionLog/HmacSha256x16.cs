using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace MentalHealthInsights.Core.Scoring.PredictionLog;

/// <summary>
/// HMAC-SHA-256 (RFC 2104, FIPS 180-4) of up to sixteen short messages at once, one message per
/// 32-bit lane of AVX-512 registers (or of two AVX2 registers, eight lanes each, on machines
/// without AVX-512), for batch pseudonymisation. The key's inner and outer
/// blocks are compressed once here; a message of at most <see cref="MaxMessageBytes"/> bytes
/// then fits one inner block, so each HMAC costs two compressions shared sixteen ways instead
/// of a call into the platform's crypto library per message. Gives exactly the bytes of
/// <see cref="HMACSHA256.HashData(byte[], byte[])"/> (tests compare thousands of random keys and
/// messages); callers use the platform HMAC for longer messages or when
/// <see cref="IsSupported"/> is false. Not thread-safe (scratch buffers): one per thread.
/// </summary>
internal sealed class HmacSha256x16
{
    /// <summary>The longest message one inner block holds (64 − 1 byte of padding − 8 of length).</summary>
    public const int MaxMessageBytes = 55;

    /// <summary>Messages per call.</summary>
    public const int Lanes = 16;

    private const int DigestBytes = 32;
    private const int BlockBytes = 64;

    private static readonly uint[] InitialState =
    [
        0x6a09e667,
        0xbb67ae85,
        0x3c6ef372,
        0xa54ff53a,
        0x510e527f,
        0x9b05688c,
        0x1f83d9ab,
        0x5be0cd19,
    ];

    private static readonly uint[] RoundConstants =
    [
        0x428a2f98,
        0x71374491,
        0xb5c0fbcf,
        0xe9b5dba5,
        0x3956c25b,
        0x59f111f1,
        0x923f82a4,
        0xab1c5ed5,
        0xd807aa98,
        0x12835b01,
        0x243185be,
        0x550c7dc3,
        0x72be5d74,
        0x80deb1fe,
        0x9bdc06a7,
        0xc19bf174,
        0xe49b69c1,
        0xefbe4786,
        0x0fc19dc6,
        0x240ca1cc,
        0x2de92c6f,
        0x4a7484aa,
        0x5cb0a9dc,
        0x76f988da,
        0x983e5152,
        0xa831c66d,
        0xb00327c8,
        0xbf597fc7,
        0xc6e00bf3,
        0xd5a79147,
        0x06ca6351,
        0x14292967,
        0x27b70a85,
        0x2e1b2138,
        0x4d2c6dfc,
        0x53380d13,
        0x650a7354,
        0x766a0abb,
        0x81c2c92e,
        0x92722c85,
        0xa2bfe8a1,
        0xa81a664b,
        0xc24b8b70,
        0xc76c51a3,
        0xd192e819,
        0xd6990624,
        0xf40e3585,
        0x106aa070,
        0x19a4c116,
        0x1e376c08,
        0x2748774c,
        0x34b0bcb5,
        0x391c0cb3,
        0x4ed8aa4a,
        0x5b9cca4f,
        0x682e6ff3,
        0x748f82ee,
        0x78a5636f,
        0x84c87814,
        0x8cc70208,
        0x90befffa,
        0xa4506ceb,
        0xbef9a3f7,
        0xc67178f2,
    ];

    private readonly uint[] innerState = new uint[8];
    private readonly uint[] outerState = new uint[8];

    // Word t of lane j's inner block at [16 t + j]; the compressed states likewise.
    private readonly uint[] words = new uint[16 * Lanes];
    private readonly uint[] digestWords = new uint[8 * Lanes];

    // Lanes per AVX2 register: sixteen messages are two halves.
    private const int HalfLanes = 8;

    // False: two AVX2 halves (the only way without AVX-512; tests also choose it with AVX-512).
    private readonly bool avx512;

    /// <summary>Whether this machine runs it (AVX-512 Foundation, or AVX2).</summary>
    public static bool IsSupported => Avx512F.IsSupported || Avx2.IsSupported;

    /// <summary>Prepares the key's inner and outer states.</summary>
    /// <param name="key">The HMAC key.</param>
    /// <param name="avx512">Use AVX-512 where the machine has it (false: AVX2 always, for tests).</param>
    /// <exception cref="PlatformNotSupportedException">Without AVX-512 or AVX2 (check <see cref="IsSupported"/>).</exception>
    public HmacSha256x16(ReadOnlySpan<byte> key, bool avx512 = true)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("HmacSha256x16 needs AVX-512 or AVX2.");
        }

        this.avx512 = avx512 && Avx512F.IsSupported;

        // RFC 2104: a key longer than the block is hashed first; then zero-padded to the block.
        Span<byte> block = stackalloc byte[BlockBytes];
        block.Clear();
        if (key.Length > BlockBytes)
        {
            SHA256.HashData(key, block);
        }
        else
        {
            key.CopyTo(block);
        }

        Span<byte> pad = stackalloc byte[BlockBytes];
        for (var i = 0; i < BlockBytes; i++)
        {
            pad[i] = (byte)(block[i] ^ 0x36);
        }

        CompressOne(InitialState, pad, innerState);
        for (var i = 0; i < BlockBytes; i++)
        {
            pad[i] = (byte)(block[i] ^ 0x5c);
        }

        CompressOne(InitialState, pad, outerState);
    }

    /// <summary>
    /// Writes the HMAC of each message <c>i</c> (<paramref name="data"/> from
    /// <paramref name="starts"/>[i], <paramref name="lengths"/>[i] bytes, each at most
    /// <see cref="MaxMessageBytes"/>) into bytes <c>32 i</c> to <c>32 i + 31</c> of
    /// <paramref name="digests"/>. At most <see cref="Lanes"/> messages.
    /// </summary>
    /// <exception cref="ArgumentException">Too many or too long messages, or a short destination.</exception>
    public void Compute(
        ReadOnlySpan<byte> data,
        ReadOnlySpan<int> starts,
        ReadOnlySpan<int> lengths,
        Span<byte> digests
    )
    {
        var count = starts.Length;
        if (count > Lanes || lengths.Length != count || digests.Length < count * DigestBytes)
        {
            throw new ArgumentException(
                "At most 16 messages, one length each, 32 bytes of digest each."
            );
        }

        // The inner block of each lane: message, 0x80, zeros, bit length of ipad block + message.
        Span<byte> block = stackalloc byte[BlockBytes];
        for (var lane = 0; lane < Lanes; lane++)
        {
            var length = lane < count ? lengths[lane] : 0;
            if (length is < 0 or > MaxMessageBytes)
            {
                throw new ArgumentException(
                    $"A message longer than {MaxMessageBytes} bytes needs the platform HMAC."
                );
            }

            block.Clear();
            if (lane < count)
            {
                data.Slice(starts[lane], length).CopyTo(block);
            }

            block[length] = 0x80;
            BinaryPrimitives.WriteUInt64BigEndian(
                block[(BlockBytes - 8)..],
                (ulong)(BlockBytes + length) * 8
            );
            for (var t = 0; t < 16; t++)
            {
                words[(16 * t) + lane] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
            }
        }

        if (avx512)
        {
            Compute512();
        }
        else
        {
            Compute256(0);
            Compute256(HalfLanes);
        }

        for (var lane = 0; lane < count; lane++)
        {
            var digest = digests.Slice(lane * DigestBytes, DigestBytes);
            for (var t = 0; t < 8; t++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(
                    digest[(4 * t)..],
                    digestWords[(16 * t) + lane]
                );
            }
        }
    }

    // The inner then the outer compression of the sixteen lanes in `words`, into `digestWords`.
    private void Compute512()
    {
        Span<Vector512<uint>> w = stackalloc Vector512<uint>[16];
        for (var t = 0; t < 16; t++)
        {
            w[t] = Vector512.Create(words.AsSpan(16 * t, Lanes));
        }

        Span<Vector512<uint>> inner = stackalloc Vector512<uint>[8];
        Compress(innerState, w, inner);

        // The outer block: the inner digest, 0x80, zeros, bit length of opad block + 32 bytes.
        for (var t = 0; t < 8; t++)
        {
            w[t] = inner[t];
        }

        w[8] = Vector512.Create(0x80000000u);
        for (var t = 9; t < 15; t++)
        {
            w[t] = Vector512<uint>.Zero;
        }

        w[15] = Vector512.Create((uint)(BlockBytes + DigestBytes) * 8);
        Span<Vector512<uint>> outer = stackalloc Vector512<uint>[8];
        Compress(outerState, w, outer);
        for (var t = 0; t < 8; t++)
        {
            outer[t].CopyTo(digestWords.AsSpan(16 * t, Lanes));
        }
    }

    // The same for the eight lanes from `first`, with AVX2.
    private void Compute256(int first)
    {
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[16];
        for (var t = 0; t < 16; t++)
        {
            w[t] = Vector256.Create(words.AsSpan((16 * t) + first, HalfLanes));
        }

        Span<Vector256<uint>> inner = stackalloc Vector256<uint>[8];
        Compress256(innerState, w, inner);
        for (var t = 0; t < 8; t++)
        {
            w[t] = inner[t];
        }

        w[8] = Vector256.Create(0x80000000u);
        for (var t = 9; t < 15; t++)
        {
            w[t] = Vector256<uint>.Zero;
        }

        w[15] = Vector256.Create((uint)(BlockBytes + DigestBytes) * 8);
        Span<Vector256<uint>> outer = stackalloc Vector256<uint>[8];
        Compress256(outerState, w, outer);
        for (var t = 0; t < 8; t++)
        {
            outer[t].CopyTo(digestWords.AsSpan((16 * t) + first, HalfLanes));
        }
    }

    /// <summary>
    /// One SHA-256 compression of sixteen blocks (message words <paramref name="w"/>, rewritten
    /// as the schedule advances) from the same starting <paramref name="state"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress(
        uint[] state,
        Span<Vector512<uint>> w,
        Span<Vector512<uint>> result
    )
    {
        var a = Vector512.Create(state[0]);
        var b = Vector512.Create(state[1]);
        var c = Vector512.Create(state[2]);
        var d = Vector512.Create(state[3]);
        var e = Vector512.Create(state[4]);
        var f = Vector512.Create(state[5]);
        var g = Vector512.Create(state[6]);
        var h = Vector512.Create(state[7]);
        var k = RoundConstants;
        for (var t = 0; t < 64; t++)
        {
            Vector512<uint> wt;
            if (t < 16)
            {
                wt = w[t];
            }
            else
            {
                // W[t] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16], in a ring of sixteen.
                var w2 = w[(t - 2) & 15];
                var w15 = w[(t - 15) & 15];
                var sigma1 = Avx512F.TernaryLogic(
                    Avx512F.RotateRight(w2, 17),
                    Avx512F.RotateRight(w2, 19),
                    Avx512F.ShiftRightLogical(w2, 10),
                    0x96
                );
                var sigma0 = Avx512F.TernaryLogic(
                    Avx512F.RotateRight(w15, 7),
                    Avx512F.RotateRight(w15, 18),
                    Avx512F.ShiftRightLogical(w15, 3),
                    0x96
                );
                wt = sigma1 + w[(t - 7) & 15] + sigma0 + w[t & 15];
                w[t & 15] = wt;
            }

            // T1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t]; T2 = Σ0(a) + Maj(a, b, c).
            var bigSigma1 = Avx512F.TernaryLogic(
                Avx512F.RotateRight(e, 6),
                Avx512F.RotateRight(e, 11),
                Avx512F.RotateRight(e, 25),
                0x96
            );
            var choose = Avx512F.TernaryLogic(e, f, g, 0xCA);
            var t1 = h + bigSigma1 + choose + Vector512.Create(k[t]) + wt;
            var bigSigma0 = Avx512F.TernaryLogic(
                Avx512F.RotateRight(a, 2),
                Avx512F.RotateRight(a, 13),
                Avx512F.RotateRight(a, 22),
                0x96
            );
            var majority = Avx512F.TernaryLogic(a, b, c, 0xE8);
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + bigSigma0 + majority;
        }

        result[0] = a + Vector512.Create(state[0]);
        result[1] = b + Vector512.Create(state[1]);
        result[2] = c + Vector512.Create(state[2]);
        result[3] = d + Vector512.Create(state[3]);
        result[4] = e + Vector512.Create(state[4]);
        result[5] = f + Vector512.Create(state[5]);
        result[6] = g + Vector512.Create(state[6]);
        result[7] = h + Vector512.Create(state[7]);
    }

    /// <summary>
    /// <see cref="Compress"/> for eight blocks with AVX2, which has no rotate or three-input
    /// logic instruction: rotations are two shifts and an OR, Ch and Maj two and three operations.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress256(
        uint[] state,
        Span<Vector256<uint>> w,
        Span<Vector256<uint>> result
    )
    {
        var a = Vector256.Create(state[0]);
        var b = Vector256.Create(state[1]);
        var c = Vector256.Create(state[2]);
        var d = Vector256.Create(state[3]);
        var e = Vector256.Create(state[4]);
        var f = Vector256.Create(state[5]);
        var g = Vector256.Create(state[6]);
        var h = Vector256.Create(state[7]);
        var k = RoundConstants;
        for (var t = 0; t < 64; t++)
        {
            Vector256<uint> wt;
            if (t < 16)
            {
                wt = w[t];
            }
            else
            {
                var w2 = w[(t - 2) & 15];
                var w15 = w[(t - 15) & 15];
                var sigma1 = Rotate(w2, 17) ^ Rotate(w2, 19) ^ Vector256.ShiftRightLogical(w2, 10);
                var sigma0 = Rotate(w15, 7) ^ Rotate(w15, 18) ^ Vector256.ShiftRightLogical(w15, 3);
                wt = sigma1 + w[(t - 7) & 15] + sigma0 + w[t & 15];
                w[t & 15] = wt;
            }

            var bigSigma1 = Rotate(e, 6) ^ Rotate(e, 11) ^ Rotate(e, 25);
            var choose = g ^ (e & (f ^ g));
            var t1 = h + bigSigma1 + choose + Vector256.Create(k[t]) + wt;
            var bigSigma0 = Rotate(a, 2) ^ Rotate(a, 13) ^ Rotate(a, 22);
            var majority = (a & b) | (c & (a | b));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + bigSigma0 + majority;
        }

        result[0] = a + Vector256.Create(state[0]);
        result[1] = b + Vector256.Create(state[1]);
        result[2] = c + Vector256.Create(state[2]);
        result[3] = d + Vector256.Create(state[3]);
        result[4] = e + Vector256.Create(state[4]);
        result[5] = f + Vector256.Create(state[5]);
        result[6] = g + Vector256.Create(state[6]);
        result[7] = h + Vector256.Create(state[7]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotate(Vector256<uint> x, [ConstantExpected] int n) =>
        Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);

    /// <summary>One scalar compression (the key's two blocks, once per key).</summary>
    private static void CompressOne(uint[] state, ReadOnlySpan<byte> block, uint[] result)
    {
        Span<uint> w = stackalloc uint[64];
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var s0 =
                uint.RotateRight(w[t - 15], 7) ^ uint.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 =
                uint.RotateRight(w[t - 2], 17) ^ uint.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        uint a = state[0],
            b = state[1],
            c = state[2],
            d = state[3],
            e = state[4],
            f = state[5],
            g = state[6],
            h = state[7];
        for (var t = 0; t < 64; t++)
        {
            var t1 =
                h
                + (uint.RotateRight(e, 6) ^ uint.RotateRight(e, 11) ^ uint.RotateRight(e, 25))
                + ((e & f) ^ (~e & g))
                + RoundConstants[t]
                + w[t];
            var t2 =
                (uint.RotateRight(a, 2) ^ uint.RotateRight(a, 13) ^ uint.RotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        result[0] = state[0] + a;
        result[1] = state[1] + b;
        result[2] = state[2] + c;
        result[3] = state[3] + d;
        result[4] = state[4] + e;
        result[5] = state[5] + f;
        result[6] = state[6] + g;
        result[7] = state[7] + h;
    }
}
