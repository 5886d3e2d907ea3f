using System.Security.Cryptography;

namespace MentalHealthInsights.Infrastructure.Hashing;

/// <summary>
/// SHA-256 of files and streams as lowercase hex: the data hash recorded with every output
/// (and later with every model), computed by streaming so large files are fine.
/// </summary>
public static class FileHash
{
    /// <summary>SHA-256 of the file at <paramref name="path"/>.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
