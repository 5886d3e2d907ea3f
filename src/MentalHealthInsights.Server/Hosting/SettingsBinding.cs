namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// Reads settings so that a value of the wrong type (e.g. <c>RateLimiting:PermitLimit=abc</c>)
/// becomes a start-up problem — exit code 2 and one line naming the setting and the type — and
/// not the configuration binder's exception while the host is built (exit code 134, a stack
/// trace).
/// </summary>
internal static class SettingsBinding
{
    /// <summary>The section bound (defaults for keys not given); null, with the binder's message added to <paramref name="problems"/>, when a value does not convert.</summary>
    public static T? Section<T>(
        IConfiguration configuration,
        string section,
        ICollection<string> problems
    )
        where T : class, new() =>
        Value(() => configuration.GetSection(section).Get<T>() ?? new T(), problems, null);

    /// <summary><paramref name="read"/>'s value; <paramref name="fallback"/>, with the binder's message added to <paramref name="problems"/>, when it does not convert.</summary>
    public static T Value<T>(Func<T> read, ICollection<string> problems, T fallback)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
            return fallback;
        }
    }
}
