using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MentalHealthInsights.Core.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// Writes and parses manifest.json. Besides the file list, the manifest carries
/// <c>filesSha256</c>, the SHA-256 of its own list in a canonical text form
/// (<see cref="CanonicalList"/>), so that damage to the manifest itself is reported as such
/// instead of being blamed on the file whose recorded hash it altered.
/// </summary>
internal static class BundleManifest
{
    private const string File = ModelBundleLayout.ManifestFile;

    /// <summary>The manifest of <paramref name="files"/> (in the given order), as UTF-8 JSON.</summary>
    public static byte[] Build(IReadOnlyList<KeyValuePair<string, byte[]>> files)
    {
        var entries = files
            .Select(f => new ManifestEntry(f.Key, Sha256Hex(f.Value), f.Value.LongLength))
            .ToArray();
        var document = new ManifestDocument
        {
            SchemaVersion = ModelBundleLayout.ManifestSchemaVersion,
            Files =
            [
                .. entries.Select(e => new ManifestFileDocument
                {
                    Path = e.Path,
                    Sha256 = e.Sha256,
                    Bytes = e.Bytes,
                }),
            ],
            FilesSha256 = Sha256Hex(
                CanonicalList(ModelBundleLayout.ManifestSchemaVersion, entries)
            ),
        };
        return JsonSerializer.SerializeToUtf8Bytes(
            document,
            ModelBundleJsonContext.Default.ManifestDocument
        );
    }

    /// <summary>Parses and checks manifest.json; every failure names manifest.json.</summary>
    public static IReadOnlyList<ManifestEntry> Parse(byte[] json)
    {
        ManifestDocument? document;
        try
        {
            document = BundleDocumentReader.Manifest(json);
        }
        catch (JsonException e)
        {
            throw Invalid(
                "not valid JSON or not a manifest (the file is damaged or truncated).",
                e
            );
        }

        if (document is null)
        {
            throw Invalid("the document is null.");
        }

        if (document.SchemaVersion is not { } version)
        {
            throw Invalid("'schemaVersion' is missing.");
        }

        if (version != ModelBundleLayout.ManifestSchemaVersion)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.UnsupportedSchemaVersion,
                File,
                $"schemaVersion {Text(version)} is not supported; this version of mhi reads schemaVersion {Text(ModelBundleLayout.ManifestSchemaVersion)} (was the bundle written by a newer mhi?)."
            );
        }

        if (document.Files is null)
        {
            throw Invalid("'files' is missing.");
        }

        var entries = new ManifestEntry[document.Files.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            var field = $"files[{Text(i)}]";
            var file = document.Files[i] ?? throw Invalid($"'{field}' is null.");
            if (file.Path is not { } path || !IsPlainFileName(path))
            {
                throw Invalid($"'{field}.path' is missing or not a plain file name.");
            }

            if (path == ModelBundleLayout.ManifestFile)
            {
                throw Invalid($"'{field}' lists the manifest itself.");
            }

            if (!seen.Add(path))
            {
                throw Invalid($"'{path}' is listed more than once.");
            }

            if (file.Sha256 is not { } sha || !IsSha256(sha))
            {
                throw Invalid(
                    $"'{field}.sha256' is missing or not 64 lowercase hexadecimal digits."
                );
            }

            if (file.Bytes is not { } bytes || bytes < 0)
            {
                throw Invalid($"'{field}.bytes' is missing or negative.");
            }

            entries[i] = new ManifestEntry(path, sha, bytes);
        }

        if (document.FilesSha256 is not { } listHash)
        {
            throw Invalid("'filesSha256' is missing.");
        }

        if (
            !string.Equals(
                Sha256Hex(CanonicalList(version, entries)),
                listHash,
                StringComparison.Ordinal
            )
        )
        {
            throw Invalid(
                "'filesSha256' does not match the file list (manifest.json was changed or damaged)."
            );
        }

        return entries;
    }

    /// <summary>
    /// The text <c>filesSha256</c> hashes (UTF-8): the line <c>mhi-model-bundle-manifest/&lt;schemaVersion&gt;</c>,
    /// then one line <c>&lt;sha256&gt; &lt;bytes&gt; &lt;path&gt;</c> per file in manifest order, each ended by LF.
    /// </summary>
    public static byte[] CanonicalList(int schemaVersion, IEnumerable<ManifestEntry> entries)
    {
        var text = new StringBuilder();
        text.Append("mhi-model-bundle-manifest/").Append(Text(schemaVersion)).Append('\n');
        foreach (var entry in entries)
        {
            text.Append(entry.Sha256)
                .Append(' ')
                .Append(entry.Bytes.ToString(CultureInfo.InvariantCulture))
                .Append(' ')
                .Append(entry.Path)
                .Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>SHA-256 as lowercase hex.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A name without folders, traversal, control characters or a leading dot-dot: what a flat bundle holds.</summary>
    public static bool IsPlainFileName(string name) =>
        name.Length is > 0 and <= 255
        && name != "."
        && name != ".."
        && name.IndexOfAny(['/', '\\', ':']) < 0
        && !name.Any(char.IsControl);

    private static bool IsSha256(string value) =>
        value.Length == 64 && value.All(c => char.IsAsciiDigit(c) || (c >= 'a' && c <= 'f'));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static ModelBundleException Invalid(string problem, Exception? inner = null) =>
        new(ModelBundleErrorKind.ManifestInvalid, File, problem, inner);
}
