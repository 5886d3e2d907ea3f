using System.Runtime.InteropServices;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// The up-front checks of a job's paths, before a model is loaded or anything is read or
/// written: no option is empty, and a local output or rejects path is either absent or a regular
/// file (or a symbolic link to one). The job writes <c>PATH.partial</c> and renames it over the
/// path at the end, so a folder would fail only after the whole input was scored, and a FIFO or a
/// device (<c>/dev/stdout</c>, <c>/dev/full</c>) would be replaced by a regular file.
/// </summary>
internal static partial class BatchPaths
{
    /// <exception cref="ArgumentException">An option is empty, or an output path is a folder or a special file.</exception>
    public static void Check(BatchScoringOptions options)
    {
        RequireNotEmpty(options.Input, "--input", "a CSV file, a folder or an s3:// location");
        RequireNotEmpty(options.Output, "--output", "the path of the scores file to write");
        if (options.Rejects is { } rejects)
        {
            RequireNotEmpty(
                rejects,
                "--rejects",
                "the path of the rejects file to write, or leave the option out (OUTPUT with .rejects.csv)"
            );
        }

        if (options.WorkDirectory is { } work)
        {
            RequireNotEmpty(work, "--work-dir", "a folder, or leave the option out");
        }

        if (!StorageLocation.IsS3(options.Output))
        {
            RequireWritableKind(Path.GetFullPath(options.Output), "--output");
        }

        if (!StorageLocation.IsS3(options.RejectsPath))
        {
            RequireWritableKind(
                options.RejectsPath,
                options.Rejects is null
                    ? "The rejects file (the default for this --output; choose another with --rejects)"
                    : "--rejects"
            );
        }
    }

    private static void RequireNotEmpty(string? value, string option, string expected)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{option} is empty: give {expected}.");
        }
    }

    /// <summary>Refuses a path that exists and is not a regular file (after symbolic links).</summary>
    private static void RequireWritableKind(string path, string what)
    {
        var kind = KindOf(path);
        if (kind == FileKind.Directory)
        {
            throw new ArgumentException(
                $"{what} {path} is a folder; give the path of a file to write."
            );
        }

        if (kind == FileKind.Special)
        {
            throw new ArgumentException(
                $"{what} {path} is not a regular file (a FIFO, a device or a socket): the job writes a new file and renames it over the path, which would replace it. Give the path of a regular file."
            );
        }
    }

    /// <summary>What a path names, following symbolic links.</summary>
    internal enum FileKind
    {
        /// <summary>Nothing (or a dangling symbolic link).</summary>
        Missing,

        /// <summary>A regular file.</summary>
        Regular,

        /// <summary>A folder.</summary>
        Directory,

        /// <summary>A FIFO, a character or block device, or a socket.</summary>
        Special,
    }

    internal static FileKind KindOf(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (OperatingSystem.IsWindows())
        {
            return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        // .NET has no public API for a Unix file type (dotnet/runtime#85148): ask the runtime's
        // own native shim, whose FileStatus starts with two int32 fields, Flags and Mode, on every
        // Unix (Mode uses the POSIX type bits, normalised by the shim).
        try
        {
            Span<byte> status = stackalloc byte[StatusBufferBytes];
            if (Stat(path, ref MemoryMarshal.GetReference(status)) != 0)
            {
                return FileKind.Missing;
            }

            return (BitConverter.ToInt32(status[4..8]) & TypeMask) switch
            {
                RegularType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                _ => FileKind.Special,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without the shim only folders are recognised (above).
            return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }
    }

    // sizeof(FileStatus) is about 120 bytes; the buffer leaves room for fields added later.
    private const int StatusBufferBytes = 512;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;

    [LibraryImport(
        "libSystem.Native",
        EntryPoint = "SystemNative_Stat",
        StringMarshalling = StringMarshalling.Utf8
    )]
    private static partial int Stat(string path, ref byte status);
}
