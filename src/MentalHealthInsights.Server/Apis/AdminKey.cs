using System.Security.Cryptography;
using System.Text;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// The admin API key check: header <see cref="Header"/> compared in constant time (both sides
/// hashed first, so neither the content nor the length leaks through timing). No key configured
/// = admin calls are refused.
/// </summary>
internal sealed class AdminKey
{
    /// <summary>The request header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    private readonly byte[]? _hash;

    public AdminKey(string? configuredKey)
    {
        _hash = string.IsNullOrEmpty(configuredKey)
            ? null
            : SHA256.HashData(Encoding.UTF8.GetBytes(configuredKey));
    }

    public bool IsConfigured => _hash is not null;

    public bool Accepts(HttpRequest request)
    {
        if (
            _hash is null
            || !request.Headers.TryGetValue(Header, out var values)
            || values.Count != 1
        )
        {
            return false;
        }
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(values[0] ?? string.Empty));
        return CryptographicOperations.FixedTimeEquals(given, _hash);
    }
}
