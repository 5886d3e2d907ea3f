using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;

/// <summary>
/// Edits a bundle folder the way a person or a faulty tool would, and can re-seal it: rewrite
/// manifest.json over the folder's current files exactly as docs/model-bundle.md describes
/// (written here independently of the product code, so the documented format is tested too).
/// </summary>
internal static class BundleEditor
{
    public static void EditJson(
        string folder,
        string file,
        Action<JsonNode> edit,
        bool reseal = true
    )
    {
        var path = Path.Combine(folder, file);
        var node = JsonNode.Parse(File.ReadAllBytes(path))!;
        edit(node);
        File.WriteAllText(path, node.ToJsonString());
        if (reseal)
        {
            Reseal(folder);
        }
    }

    /// <summary>Rewrites manifest.json over every other file of the folder (sorted by name).</summary>
    public static void Reseal(string folder, int schemaVersion = 1)
    {
        var files = Directory
            .EnumerateFiles(folder)
            .Select(f => Path.GetFileName(f))
            .Where(n => n != "manifest.json")
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                var bytes = File.ReadAllBytes(Path.Combine(folder, n));
                return (
                    Path: n,
                    Sha: Convert.ToHexStringLower(SHA256.HashData(bytes)),
                    Bytes: bytes.LongLength
                );
            })
            .ToList();
        var canonical = new StringBuilder();
        canonical.Append(
            CultureInfo.InvariantCulture,
            $"mhi-model-bundle-manifest/{schemaVersion}\n"
        );
        foreach (var f in files)
        {
            canonical.Append(CultureInfo.InvariantCulture, $"{f.Sha} {f.Bytes} {f.Path}\n");
        }

        var manifest = new JsonObject
        {
            ["schemaVersion"] = schemaVersion,
            ["files"] = new JsonArray([
                .. files.Select(f =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["path"] = f.Path,
                            ["sha256"] = f.Sha,
                            ["bytes"] = f.Bytes,
                        }
                ),
            ]),
            ["filesSha256"] = Convert.ToHexStringLower(
                SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()))
            ),
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());
    }

    public static void FlipByte(string path, long position)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = position;
        var value = stream.ReadByte();
        stream.Position = position;
        stream.WriteByte((byte)(value ^ 0x01));
    }

    /// <summary>Positions to flip in a file of <paramref name="length"/> bytes: all of them when short, else first, last and an even spread.</summary>
    public static IEnumerable<long> Positions(long length, int spread = 48)
    {
        if (length <= spread * 2)
        {
            for (long i = 0; i < length; i++)
            {
                yield return i;
            }

            yield break;
        }

        for (var k = 0; k < spread; k++)
        {
            yield return k * (length - 1) / (spread - 1);
        }
    }
}
