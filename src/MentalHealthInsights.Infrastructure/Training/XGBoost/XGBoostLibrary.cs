using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// Finds and checks the native library. <c>"xgboost"</c> resolves through the
/// <c>libxgboost.so</c> symlink that only libxgboost-dev installs; without it the resolver falls
/// back to the runtime package's soname, <c>libxgboost.so.0</c>.
/// </summary>
internal static class XGBoostLibrary
{
    /// <summary>The oldest version whose C API, JSON format and TreeSHAP this binding was written for.</summary>
    internal static readonly Version MinimumVersion = new(1, 7);

    /// <summary>Names tried, in order, when the default probing for "xgboost" fails.</summary>
    internal static readonly IReadOnlyList<string> FallbackNames = ["libxgboost.so.0"];

    private static readonly Lazy<string> LoadedVersion = new(
        ReadVersion,
        LazyThreadSafetyMode.ExecutionAndPublication
    );

    private static int resolverRegistered;

    /// <summary>
    /// The loaded library's version, e.g. "1.7.4". Throws <see cref="XGBoostUnavailableException"/>
    /// (every time, the failure is cached) when the library is missing or too old.
    /// </summary>
    internal static string Version => LoadedVersion.Value;

    /// <summary>Throws <see cref="XGBoostUnavailableException"/> unless a usable library is loaded.</summary>
    internal static void EnsureAvailable() => _ = LoadedVersion.Value;

    internal static void RegisterResolver()
    {
        if (Interlocked.Exchange(ref resolverRegistered, 1) != 0)
        {
            return;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(XGBoostLibrary).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Another component of this assembly already owns the (single) resolver. Default
            // probing still finds "xgboost" when libxgboost-dev is installed; if it is not,
            // EnsureAvailable reports the install command.
        }
    }

    /// <summary>Loads the first of <paramref name="candidates"/> that the OS loader accepts.</summary>
    internal static bool TryLoadFirst(IEnumerable<string> candidates, out IntPtr handle)
    {
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out handle))
            {
                return true;
            }
        }

        handle = IntPtr.Zero;
        return false;
    }

    private static IntPtr Resolve(
        string libraryName,
        Assembly assembly,
        DllImportSearchPath? searchPath
    )
    {
        if (!string.Equals(libraryName, XGBoostNative.LibraryName, StringComparison.Ordinal))
        {
            return IntPtr.Zero;
        }

        // NativeLibrary.TryLoad with an assembly does not call this resolver again.
        if (NativeLibrary.TryLoad(libraryName, assembly, searchPath, out var handle))
        {
            return handle;
        }

        return TryLoadFirst(FallbackNames, out handle) ? handle : IntPtr.Zero;
    }

    private static string ReadVersion()
    {
        int major,
            minor,
            patch;
        try
        {
            XGBoostNative.XGBoostVersion(out major, out minor, out patch);
        }
        catch (DllNotFoundException e)
        {
            throw XGBoostUnavailableException.NotInstalled(e);
        }
        catch (EntryPointNotFoundException e)
        {
            throw XGBoostUnavailableException.NotInstalled(e);
        }

        var version = string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{patch}");
        if (new Version(major, minor) < MinimumVersion)
        {
            throw XGBoostUnavailableException.TooOld(version, MinimumVersion);
        }

        return version;
    }
}
