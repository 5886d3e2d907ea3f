using System.Text.RegularExpressions;
using MentalHealthInsights.Server.Apis;
using Microsoft.AspNetCore.Diagnostics;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// Turns the framework's "could not bind a query value" error into the 400 problem of
/// <see cref="Problems.InvalidQuery"/> (the one the <c>top</c> check gives: "Invalid query.",
/// detail naming the parameter and what it must be), instead of a bare "Bad Request". The value
/// itself is never repeated. Other errors are left to the default exception handling.
/// </summary>
internal sealed partial class QueryValueProblems : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken
    )
    {
        if (
            exception
                is not BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad
            || Detail(bad.Message) is not { } detail
        )
        {
            return false;
        }

        await Problems.InvalidQuery(detail).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// The detail for a minimal API binding message (<c>Failed to bind parameter "int? top" from
    /// "abc".</c>, <c>Required parameter "int limit" was not provided from query string.</c>),
    /// or null for any other message.
    /// </summary>
    internal static string? Detail(string message)
    {
        var failed = FailedToBind().Match(message);
        if (failed.Success)
        {
            var name = failed.Groups["name"].Value;
            var expected = Expected(failed.Groups["type"].Value);
            // A whole number too large for the parameter's type (?limit=99999999999) is not
            // "not a whole number": it is out of range, as a value the endpoint refuses is.
            return
                expected == WholeNumber && WholeNumberText().IsMatch(failed.Groups["value"].Value)
                ? $"{name} is out of range."
                : $"{name} must be {expected}.";
        }

        var missing = Required().Match(message);
        return missing.Success ? $"{missing.Groups["name"].Value} is required." : null;
    }

    // The framework writes the type as C# or CLR names, nullable or not ("int?", "Nullable<Int32>").
    private static string Expected(string type) =>
        type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('?', '>') switch
        {
            "int" or "long" or "short" or "Int32" or "Int64" or "Int16" => WholeNumber,
            "double" or "float" or "decimal" or "Double" or "Single" or "Decimal" => "a number",
            "bool" or "Boolean" => "true or false",
            "DateTimeOffset" or "DateTime" => "a date and time (ISO 8601)",
            "Guid" => "an identifier",
            _ => "a valid value",
        };

    private const string WholeNumber = "a whole number";

    [GeneratedRegex(
        "^Failed to bind parameter \"(?<type>[^\" ]+) (?<name>[A-Za-z_][A-Za-z0-9_]*)\" from \"(?<value>.*)\"\\.?$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline
    )]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^[+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumberText();

    [GeneratedRegex(
        "^Required parameter \"(?<type>[^\" ]+) (?<name>[A-Za-z_][A-Za-z0-9_]*)\" was not provided",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Required();
}
