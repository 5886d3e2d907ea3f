namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// The files and sub-folders a command writes into its output folder, named once by the code
/// that writes them (e.g. <see cref="Training.Jobs.TrainingJob.Outputs"/>), so that a command
/// can refuse an input it would overwrite before it writes anything.
/// </summary>
/// <param name="files">File names written directly into the output folder.</param>
/// <param name="folders">Sub-folders whose content the command writes or replaces.</param>
public sealed class OutputFolderLayout(IReadOnlyList<string> files, IReadOnlyList<string> folders)
{
    /// <summary>File names written directly into the output folder.</summary>
    public IReadOnlyList<string> Files { get; } = files;

    /// <summary>Sub-folders whose content the command writes.</summary>
    public IReadOnlyList<string> Folders { get; } = folders;

    /// <summary>
    /// The output (a file name, or a folder name followed by "/") that would overwrite
    /// <paramref name="input"/> when the command writes into <paramref name="outputFolder"/>;
    /// null when the input is none of them. Local paths are compared as full paths (and the
    /// input's symbolic link, if it is one, by its target too); s3:// locations by URI.
    /// </summary>
    public string? FindOverwritten(StorageLocation input, StorageLocation outputFolder)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(outputFolder);
        if (input.IsLocal != outputFolder.IsLocal)
        {
            return null;
        }
        var comparison =
            input.IsLocal && !OperatingSystem.IsLinux()
                ? StringComparison.OrdinalIgnoreCase
                : StringComparison.Ordinal;
        var candidates = new List<string> { input.Uri };
        if (
            input is LocalStorageLocation local
            && File.Exists(local.FullPath)
            && new FileInfo(local.FullPath).ResolveLinkTarget(returnFinalTarget: true) is { } target
        )
        {
            candidates.Add(target.FullName);
        }
        var separator = input.IsLocal ? Path.DirectorySeparatorChar.ToString() : "/";
        foreach (var file in Files)
        {
            var written = outputFolder.Child(file).Uri;
            if (candidates.Any(c => string.Equals(c, written, comparison)))
            {
                return file;
            }
        }
        foreach (var folder in Folders)
        {
            var written = Path.TrimEndingDirectorySeparator(outputFolder.Child(folder).Uri);
            if (candidates.Any(c => c.StartsWith(written + separator, comparison)))
            {
                return folder + "/";
            }
        }
        return null;
    }
}
