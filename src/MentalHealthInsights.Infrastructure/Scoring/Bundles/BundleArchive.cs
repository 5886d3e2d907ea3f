using System.Globalization;
using System.IO.Compression;
using MentalHealthInsights.Core.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// The single-file form of a bundle (<c>.mhib</c>): a zip with the folder's files as top-level
/// entries. Written deterministically (the given entry order, every timestamp 1980-01-01, fixed
/// permissions), so the same files give the same bytes. Read defensively: entry names that are
/// absolute or climb out of the bundle (zip-slip) are refused, and entry count and uncompressed
/// size are capped (zip bombs). Entries are read into memory, never extracted to disk.
/// </summary>
internal static class BundleArchive
{
    // The zip epoch: DOS timestamps cannot go earlier.
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Unix mode of a regular file, rw-r--r--, in the high 16 bits (what `unzip` restores).
    private const int RegularFileAttributes = unchecked((int)0x81A4_0000);

    public static void Write(Stream destination, IEnumerable<KeyValuePair<string, byte[]>> entries)
    {
        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, bytes) in entries)
        {
            var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            entry.ExternalAttributes = RegularFileAttributes;
            using var content = entry.Open();
            content.Write(bytes);
        }
    }

    public static BundleFiles Read(string path, ModelBundleReaderOptions options)
    {
        var archiveName = Path.GetFileName(path);
        var length = new FileInfo(path).Length;
        if (length > options.MaxTotalBytes)
        {
            throw Limit(
                archiveName,
                $"the archive is {Bytes(length)} bytes, over the {Bytes(options.MaxTotalBytes)}-byte limit."
            );
        }

        using var stream = File.OpenRead(path);
        ZipArchive archive;
        System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read);
            entries = archive.Entries;
        }
        catch (InvalidDataException e)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.ArchiveDamaged,
                archiveName,
                "not a readable zip archive (the file is damaged, truncated or not a bundle archive).",
                e
            );
        }

        using (archive)
        {
            if (entries.Count > options.MaxEntries)
            {
                throw Limit(
                    archiveName,
                    $"the archive has {Bytes(entries.Count)} entries, over the limit of {Bytes(options.MaxEntries)}."
                );
            }

            // Check every name and the declared total before inflating anything.
            long declared = 0;
            foreach (var entry in entries)
            {
                CheckName(entry.FullName);
                declared += entry.Length;
                if (declared > options.MaxTotalBytes)
                {
                    throw Limit(
                        archiveName,
                        $"the entries declare more than {Bytes(options.MaxTotalBytes)} bytes uncompressed (the limit); refusing to inflate (a zip bomb?)."
                    );
                }
            }

            var files = new BundleFiles();
            foreach (var entry in entries)
            {
                var name = entry.FullName;
                if (name.Contains('/', StringComparison.Ordinal))
                {
                    files.Nested.Add(name);
                    continue;
                }

                if (files.Files.ContainsKey(name))
                {
                    throw new ModelBundleException(
                        ModelBundleErrorKind.UnsafeArchiveEntry,
                        name,
                        "appears twice in the archive; refusing an ambiguous archive."
                    );
                }

                files.Files.Add(name, Inflate(entry));
            }

            return files;
        }
    }

    /// <summary>Refuses names that are absolute or leave the bundle; nested names are reported later as unlisted.</summary>
    private static void CheckName(string name)
    {
        var shown = Shown(name);
        if (name.Length == 0 || name.Any(char.IsControl))
        {
            throw Unsafe(
                shown,
                "an archive entry with an empty name or control characters; refusing the archive."
            );
        }

        if (
            name[0] == '/'
            || name.Contains('\\', StringComparison.Ordinal)
            || name.Contains(':', StringComparison.Ordinal)
            || Path.IsPathRooted(name)
        )
        {
            throw Unsafe(
                shown,
                "an archive entry with an absolute path or a drive or backslash in its name; refusing the archive (zip-slip)."
            );
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment is ".." or ".")
            {
                throw Unsafe(
                    shown,
                    "an archive entry whose path climbs out of the bundle ('..'); refusing the archive (zip-slip)."
                );
            }
        }
    }

    /// <summary>Reads one entry, trusting neither its declared size nor its compressed data.</summary>
    private static byte[] Inflate(ZipArchiveEntry entry)
    {
        var declared = entry.Length;
        var buffer = new byte[declared];
        try
        {
            using var content = entry.Open();
            var read = 0;
            while (read < buffer.Length)
            {
                var n = content.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (read < buffer.Length)
            {
                throw new ModelBundleException(
                    ModelBundleErrorKind.ArchiveDamaged,
                    entry.FullName,
                    $"the archive entry inflates to {Bytes(read)} bytes but declares {Bytes(declared)} (the archive is damaged)."
                );
            }

            if (content.ReadByte() >= 0)
            {
                throw new ModelBundleException(
                    ModelBundleErrorKind.LimitExceeded,
                    entry.FullName,
                    $"the archive entry inflates to more than the {Bytes(declared)} bytes it declares (a zip bomb or a damaged archive)."
                );
            }
        }
        catch (InvalidDataException e)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.ArchiveDamaged,
                entry.FullName,
                "the archive entry cannot be decompressed (the archive is damaged or truncated).",
                e
            );
        }

        return buffer;
    }

    /// <summary>An attacker-chosen name, made safe to print: control characters replaced, length capped.</summary>
    private static string Shown(string name)
    {
        var clean = new string([.. name.Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length <= 120 ? clean : clean[..120] + "…";
    }

    private static string Bytes(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static ModelBundleException Unsafe(string name, string problem) =>
        new(ModelBundleErrorKind.UnsafeArchiveEntry, name, problem);

    private static ModelBundleException Limit(string name, string problem) =>
        new(ModelBundleErrorKind.LimitExceeded, name, problem);
}
