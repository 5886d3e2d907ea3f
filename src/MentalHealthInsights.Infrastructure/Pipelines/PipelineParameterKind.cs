using System.Globalization;
using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>
/// A pipeline parameter with its parser, declared once per pipeline: <see cref="Declaration"/>
/// checks a value before a run is created (<c>mhi pipeline run</c>, <c>--queue</c>, schedules,
/// the runner), and the steps read the typed value with <see cref="Read"/>, through the same
/// parser. A malformed value is a usage error up front; inside a step it can only come from a
/// caller that skipped the check, and fails the step at once (not retried).
/// </summary>
/// <typeparam name="T">The parsed value.</typeparam>
internal sealed class PipelineParameterKind<T>
{
    private readonly Func<string, T> _parse;

    /// <summary>A parameter whose <paramref name="parse"/> throws <see cref="FormatException"/> with a message naming it.</summary>
    public PipelineParameterKind(
        string name,
        string? defaultValue,
        string description,
        Func<string, T> parse
    )
    {
        Name = name;
        _parse = parse;
        Declaration = new PipelineParameter(name, defaultValue, description) { Check = TryParse };
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The declaration, with its check, for the pipeline definition.</summary>
    public PipelineParameter Declaration { get; }

    /// <summary>The value in resolved parameters; a malformed one throws <see cref="FormatException"/>.</summary>
    public T Parse(IReadOnlyDictionary<string, string> values) => _parse(values[Name]);

    /// <summary>The value of this declared input of a step; malformed: a non-retryable step failure.</summary>
    public T Read(PipelineStepContext context)
    {
        try
        {
            return _parse(context.Input(Name));
        }
        catch (FormatException ex)
        {
            throw PipelineStepException.From(ex);
        }
    }

    private string? TryParse(string text)
    {
        try
        {
            _ = _parse(text);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }
}

/// <summary>The kinds of pipeline parameters: text, bounded integers and numbers, choices, flags.</summary>
internal static class PipelineParameterKind
{
    /// <summary>Any text (paths, names, store locations checked where they are opened).</summary>
    public static PipelineParameterKind<string> Text(
        string name,
        string? defaultValue,
        string description
    ) => new(name, defaultValue, description, text => text);

    /// <summary>Text that must not be empty.</summary>
    public static PipelineParameterKind<string> Required(
        string name,
        string? defaultValue,
        string description
    ) =>
        new(
            name,
            defaultValue,
            description,
            text =>
                text.Trim().Length > 0
                    ? text
                    : throw new FormatException($"parameter {name} must not be empty.")
        );

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static PipelineParameterKind<int> Int(
        string name,
        string defaultValue,
        string description,
        int minimum,
        int maximum = int.MaxValue
    ) =>
        new(
            name,
            defaultValue,
            description,
            text =>
                int.TryParse(
                    text,
                    NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture,
                    out var value
                )
                && value >= minimum
                && value <= maximum
                    ? value
                    : throw new FormatException(
                        maximum == int.MaxValue
                            ? string.Create(
                                CultureInfo.InvariantCulture,
                                $"parameter {name} must be an integer of at least {minimum}, not '{text}'."
                            )
                            : string.Create(
                                CultureInfo.InvariantCulture,
                                $"parameter {name} must be an integer from {minimum} to {maximum}, not '{text}'."
                            )
                    )
        );

    /// <summary>A number in [<paramref name="minimum"/>, <paramref name="maximum"/>] (invariant culture).</summary>
    public static PipelineParameterKind<double> Number(
        string name,
        string defaultValue,
        string description,
        double minimum,
        double maximum
    ) =>
        new(
            name,
            defaultValue,
            description,
            text =>
                double.TryParse(
                    text,
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var value
                )
                && value >= minimum
                && value <= maximum
                    ? value
                    : throw new FormatException(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"parameter {name} must be a number in [{minimum}, {maximum}], not '{text}'."
                        )
                    )
        );

    /// <summary>One of <paramref name="choices"/> (exact, case-sensitive), mapped to its value; an empty choice is accepted but not listed in the message.</summary>
    public static PipelineParameterKind<T> Choice<T>(
        string name,
        string defaultValue,
        string description,
        params (string Text, T Value)[] choices
    ) =>
        new(
            name,
            defaultValue,
            description,
            text =>
                choices.FirstOrDefault(c => c.Text == text) is { Text: not null } found
                    ? found.Value
                    : throw new FormatException(
                        $"parameter {name} must be {string.Join(" or ", choices.Where(c => c.Text.Length > 0).Select(c => c.Text))}, not '{text}'."
                    )
        );

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static PipelineParameterKind<bool> Flag(
        string name,
        string defaultValue,
        string description
    ) => Choice(name, defaultValue, description, ("true", true), ("false", false));
}
