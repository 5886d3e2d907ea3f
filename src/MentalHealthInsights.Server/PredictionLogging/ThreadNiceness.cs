using System.Runtime.InteropServices;

namespace MentalHealthInsights.Server.PredictionLogging;

/// <summary>
/// Lowers the scheduling priority of the calling thread on Linux (its nice value, which Linux
/// keeps per thread). .NET's <see cref="Thread.Priority"/> has no effect there, so background
/// work that competes with requests for the cores (the prediction log writer) uses this.
/// Raising a nice value needs no privileges; on other systems, or when the call fails, nothing
/// changes and the work simply runs at normal priority.
/// </summary>
internal static class ThreadNiceness
{
    private const int PriorityProcess = 0; // PRIO_PROCESS: with a thread id, that one thread.

    /// <summary>Sets the calling thread's nice value to <paramref name="niceness"/> (0–19).</summary>
    /// <returns>True when the priority was changed.</returns>
    public static bool TryLowerCurrentThread(int niceness)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            var tid = GetThreadId();
            return tid > 0
                && SetPriority(PriorityProcess, (uint)tid, Math.Clamp(niceness, 0, 19)) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // glibc ≥ 2.30 (Debian 11+); older C libraries → EntryPointNotFoundException → unchanged.
    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, uint who, int priority);
}
