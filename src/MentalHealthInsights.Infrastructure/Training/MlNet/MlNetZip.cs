using System.IO.Compression;
using Microsoft.ML;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// Writes and reads ML.NET model zips reproducibly. ML.NET stamps every zip entry with the
/// current time, so two identical models give different bytes; we copy ML.NET's entries, in
/// order, into a new zip whose entries all carry a fixed time (1980-01-01, the zip epoch), and
/// may append our own entries. ML.NET loads such a zip as usual (it ignores unknown entries).
/// </summary>
internal static class MlNetZip
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Save(
        MLContext ml,
        ITransformer model,
        DataViewSchema inputSchema,
        IReadOnlyList<KeyValuePair<string, byte[]>> extraEntries
    )
    {
        using var raw = new MemoryStream();
        ml.Model.Save(model, inputSchema, raw);
        raw.Position = 0;

        using var normalised = new MemoryStream();
        using (var source = new ZipArchive(raw, ZipArchiveMode.Read))
        using (var target = new ZipArchive(normalised, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var content = entry.Open();
                Write(target, entry.FullName, content);
            }
            foreach (var (name, bytes) in extraEntries)
            {
                using var content = new MemoryStream(bytes, writable: false);
                Write(target, name, content);
            }
        }
        return normalised.ToArray();
    }

    public static ITransformer Load(MLContext ml, byte[] zip)
    {
        using var stream = new MemoryStream(zip, writable: false);
        return ml.Model.Load(stream, out _);
    }

    /// <summary>The bytes of entry <paramref name="name"/>, or null when the zip has no such entry.</summary>
    public static byte[]? ReadEntry(byte[] zip, string name)
    {
        using var stream = new MemoryStream(zip, writable: false);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
        var entry = archive.GetEntry(name);
        if (entry is null)
        {
            return null;
        }
        using var content = entry.Open();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    public static byte[] ReadAll(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var copy = new MemoryStream();
        source.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Write(ZipArchive target, string name, Stream content)
    {
        var entry = target.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var destination = entry.Open();
        content.CopyTo(destination);
    }
}
