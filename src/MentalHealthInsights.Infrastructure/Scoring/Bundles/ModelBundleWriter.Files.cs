using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Calibration;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

public static partial class ModelBundleWriter
{
    /// <summary>Name of the step after the archive is written to its temporary file.</summary>
    internal const string ArchiveStep = "archive";

    /// <summary>Name of the step after the folder is renamed into place and before the archive is.</summary>
    internal const string FolderCommittedStep = "folder-committed";

    /// <summary>The bundle's files (without the manifest), sorted by name.</summary>
    private static List<KeyValuePair<string, byte[]>> Contents(
        ModelBundleMetadata metadata,
        FittedPreprocessor preprocessor,
        IBinaryModel raw,
        ICalibrator? calibrator,
        ModelFormatLoader loader,
        CancellationToken cancellationToken
    )
    {
        var files = new List<KeyValuePair<string, byte[]>>
        {
            new(ModelBundleLayout.MetadataFile, MetadataJson.Serialize(metadata)),
            new(ModelBundleLayout.PreprocessorFile, preprocessor.ToUtf8Json()),
        };
        if (calibrator is not null)
        {
            files.Add(
                new(ModelBundleLayout.CalibrationFile, CalibrationJson.Serialize(calibrator))
            );
        }

        cancellationToken.ThrowIfCancellationRequested();
        using (var buffer = new MemoryStream())
        {
            raw.Save(buffer);
            files.Add(new(loader.FileName, buffer.ToArray()));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return files;
    }

    private static void CheckTarget(ModelBundleLocation location, bool overwrite)
    {
        var folder = location.Folder!;
        var archive = location.ArchivePath!;
        if (File.Exists(folder) || Directory.Exists(archive))
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.AlreadyExists,
                null,
                $"'{(File.Exists(folder) ? folder : archive)}' exists and is not what a bundle would be there; refusing to replace it."
            );
        }

        var folderExists = Directory.Exists(folder);
        if (!overwrite && (folderExists || File.Exists(archive)))
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.AlreadyExists,
                null,
                "a bundle already exists here; pass overwrite: true (or --overwrite) to replace it."
            );
        }

        if (
            folderExists
            && !File.Exists(Path.Combine(folder, ModelBundleLayout.ManifestFile))
            && Directory.EnumerateFileSystemEntries(folder).Any()
        )
        {
            throw new ModelBundleException(
                ModelBundleErrorKind.AlreadyExists,
                null,
                "the folder exists, is not empty and is not a model bundle (no manifest.json); refusing to replace it."
            );
        }
    }

    private static void WriteAndCommit(
        ModelBundleLocation location,
        string parent,
        string name,
        List<KeyValuePair<string, byte[]>> files,
        bool overwrite,
        Action<string>? afterStep,
        CancellationToken cancellationToken
    )
    {
        var target = location.Folder!;
        var archive = location.ArchivePath!;
        var unique = Guid.NewGuid().ToString("N");
        // Hidden siblings on the same file system, so the final renames are atomic.
        var temporaryFolder = Path.Combine(parent, $".{name}.tmp-{unique}");
        var temporaryArchive = Path.Combine(
            parent,
            $".{name}{ModelBundleLayout.ArchiveExtension}.tmp-{unique}"
        );
        var backup = Path.Combine(parent, $".{name}.old-{unique}");
        var manifest = BundleManifest.Build(files);
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(temporaryFolder);
            foreach (var (file, bytes) in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                WriteFile(Path.Combine(temporaryFolder, file), bytes);
                afterStep?.Invoke(file);
            }

            cancellationToken.ThrowIfCancellationRequested();
            WriteFile(Path.Combine(temporaryFolder, ModelBundleLayout.ManifestFile), manifest);
            afterStep?.Invoke(ModelBundleLayout.ManifestFile);

            using (
                var stream = new FileStream(temporaryArchive, FileMode.CreateNew, FileAccess.Write)
            )
            {
                BundleArchive.Write(
                    stream,
                    [new(ModelBundleLayout.ManifestFile, manifest), .. files]
                );
                stream.Flush(flushToDisk: true);
            }

            afterStep?.Invoke(ArchiveStep);
            cancellationToken.ThrowIfCancellationRequested();
            Commit(
                target,
                archive,
                temporaryFolder,
                temporaryArchive,
                backup,
                overwrite,
                afterStep
            );
        }
        finally
        {
            DeleteQuietly(temporaryFolder);
            DeleteQuietly(temporaryArchive);
        }
    }

    /// <summary>
    /// Renames the folder, then the archive, into place. When the archive's rename fails, the
    /// folder is rolled back, so the pair stays either entirely old or entirely new.
    /// </summary>
    private static void Commit(
        string target,
        string archive,
        string temporaryFolder,
        string temporaryArchive,
        string backup,
        bool overwrite,
        Action<string>? afterStep
    )
    {
        var replaced = false;
        if (Directory.Exists(target))
        {
            if (!overwrite)
            {
                throw new ModelBundleException(
                    ModelBundleErrorKind.AlreadyExists,
                    null,
                    "a bundle appeared here while this one was being written; pass overwrite: true to replace it."
                );
            }

            Directory.Move(target, backup);
            replaced = true;
        }

        try
        {
            Directory.Move(temporaryFolder, target);
        }
        catch
        {
            if (replaced)
            {
                Directory.Move(backup, target);
            }

            throw;
        }

        try
        {
            afterStep?.Invoke(FolderCommittedStep);
            if (!overwrite && File.Exists(archive))
            {
                throw new ModelBundleException(
                    ModelBundleErrorKind.AlreadyExists,
                    null,
                    "a bundle archive appeared here while this bundle was being written; pass overwrite: true to replace it."
                );
            }

            File.Move(temporaryArchive, archive, overwrite);
        }
        catch
        {
            DeleteQuietly(target);
            if (replaced)
            {
                Directory.Move(backup, target);
            }

            throw;
        }

        if (replaced)
        {
            DeleteQuietly(backup);
        }
    }

    private static void WriteFile(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden temporary sibling is harmless (never a bundle path).
        }
    }
}
