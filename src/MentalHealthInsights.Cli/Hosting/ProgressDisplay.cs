using Spectre.Console;

namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// Shows progress of a long step: a live Spectre.Console bar when stderr is an interactive
/// terminal, otherwise plain lines at every 10 % (Spectre prints nothing at all when output is
/// redirected, so CI logs would stay silent without them). Progress always goes to stderr so
/// that <c>--json</c> output on stdout stays parseable.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>
    /// Runs <paramref name="work"/> on a worker thread while showing its progress, and shows
    /// 100 % at the end only when the work completed: when it throws, or when
    /// <paramref name="completed"/> says its result is a failure (an unusable input reported as
    /// a result), the progress stays where the work left it, so it never claims a finished job
    /// just before the error line.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        CliEnvironment environment,
        CommandIo io,
        string label,
        Func<IProgress<double>, CancellationToken, T> work,
        CancellationToken cancellationToken,
        Func<T, bool>? completed = null
    )
    {
        if (!environment.Interactive)
        {
            var plain = new PlainProgress(io.Error, label);
            var result = await Task.Run(() => work(plain, cancellationToken), cancellationToken);
            if (completed?.Invoke(result) ?? true)
            {
                plain.Complete();
            }
            return result;
        }

        var console = AnsiConsole.Create(
            new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Error) }
        );
        return await console
            .Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn()
            )
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 1.0);
                var progress = new LiveProgress(task);
                var result = await Task.Run(
                    () => work(progress, cancellationToken),
                    cancellationToken
                );
                if (completed?.Invoke(result) ?? true)
                {
                    task.Value = 1.0;
                }
                else
                {
                    task.StopTask();
                }
                return result;
            });
    }

    /// <summary>Reports into a Spectre task.</summary>
    private sealed class LiveProgress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Clamp(value, 0, 1);
    }

    /// <summary>Prints "label: N%" each time another 10 % is passed.</summary>
    private sealed class PlainProgress(TextWriter writer, string label) : IProgress<double>
    {
        private int _lastDecile;

        public void Report(double value)
        {
            var decile = (int)Math.Floor(Math.Clamp(value, 0, 1) * 10);
            if (decile <= _lastDecile)
            {
                return;
            }
            _lastDecile = decile;
            writer.WriteLine($"{label}: {decile * 10}%");
        }

        public void Complete() => Report(1.0);
    }
}
