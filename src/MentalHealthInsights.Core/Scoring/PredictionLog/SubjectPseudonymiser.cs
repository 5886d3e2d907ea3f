using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace MentalHealthInsights.Core.Scoring.PredictionLog;

/// <summary>
/// Pseudonymises User_ID with HMAC-SHA-256 under a secret key from configuration, so the same
/// person gets the same key (labels can be attached later) but the id cannot be recovered or
/// confirmed without the key. The key must be at least 16 bytes.
/// </summary>
public sealed class SubjectPseudonymiser
{
    /// <summary>The environment variable holding the key (UTF-8) for the server, batch scoring and label imports.</summary>
    public const string KeyVariable = "MHI_PSEUDONYMISATION_KEY";

    private readonly byte[] _key;

    /// <summary>
    /// Whether <paramref name="key"/> (as configured, UTF-8) can serve as the key: at least 16
    /// bytes and not only white space (a padded or blank variable is a mistake, not a secret).
    /// One rule for the server, batch scoring and label imports.
    /// </summary>
    public static bool IsUsableKey([NotNullWhen(true)] string? key) =>
        key is not null && Encoding.UTF8.GetByteCount(key) >= 16 && !string.IsNullOrWhiteSpace(key);

    /// <summary>Creates a pseudonymiser; throws when the key is shorter than 16 bytes.</summary>
    public SubjectPseudonymiser(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException(
                "The pseudonymisation key must be at least 16 bytes.",
                nameof(key)
            );
        }
        _key = key.ToArray();
    }

    // The last keyed HMAC this thread used, reused while the key stays the same (a server has
    // one pseudonymiser): setting a key up costs more than hashing an id (the one-shot call took
    // 1.4–2 µs per request, a reused context ~0.6 µs). Replaced, and disposed, when another
    // pseudonymiser hashes on this thread; a thread's last one is released by its finalizer.
    [ThreadStatic]
    private static KeyedHmac? t_hmac;

    /// <summary>The keyed hash of <paramref name="userId"/> as 64 lowercase hex characters. Thread-safe.</summary>
    public string Pseudonymise(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var cached = t_hmac;
        if (cached is null || !ReferenceEquals(cached.Key, _key))
        {
            cached?.Hmac.Dispose();
            t_hmac = cached = new KeyedHmac(
                _key,
                IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key)
            );
        }

        // The same encoder as before (lone surrogates become U+FFFD), so the same pseudonyms.
        cached.Hmac.AppendData(Encoding.UTF8.GetBytes(userId));
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        cached.Hmac.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// A writer for one thread that produces the same pseudonyms as <see cref="Pseudonymise"/>
    /// into UTF-8 buffers, reusing one keyed HMAC instance (batch scoring's path).
    /// </summary>
    public SubjectPseudonymWriter CreateWriter() => new(_key);

    private sealed record KeyedHmac(byte[] Key, IncrementalHash Hmac);
}
