using System.Globalization;
using MentalHealthInsights.Core.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>Reads a bundle folder's files into memory, within the size and count limits.</summary>
internal static class BundleFolder
{
    public static BundleFiles Read(string folder, ModelBundleReaderOptions options)
    {
        var files = new BundleFiles();
        var directory = new DirectoryInfo(folder);
        var entries = directory.GetFileSystemInfos();
        if (entries.Length > options.MaxEntries)
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.LimitExceeded,
                null,
                $"the folder has {Text(entries.Length)} entries, over the limit of {Text(options.MaxEntries)}; it is not a model bundle."
            );
        }

        long total = 0;
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry is not FileInfo file)
            {
                files.Nested.Add(entry.Name + "/");
                continue;
            }

            total += file.Length;
            if (total > options.MaxTotalBytes)
            {
                throw new ModelBundleException(
                    ModelBundleErrorKind.LimitExceeded,
                    null,
                    $"the folder's files exceed the {Text(options.MaxTotalBytes)}-byte limit; it is not a model bundle."
                );
            }

            files.Files.Add(file.Name, File.ReadAllBytes(file.FullName));
        }

        return files;
    }

    private static string Text(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
