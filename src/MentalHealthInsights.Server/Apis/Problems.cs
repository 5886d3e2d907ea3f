using System.Globalization;
using MentalHealthInsights.Server.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>The RFC 7807 problem responses of the API, built in one place.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(FieldErrors errors, string detail) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(),
            detail: detail,
            title: "The request has invalid fields."
        );

    public static ProblemHttpResult Malformed(string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request body is not valid JSON."
        );

    /// <summary>A query parameter out of range or of the wrong type (<c>?top=abc</c>).</summary>
    public static ProblemHttpResult InvalidQuery(string detail) =>
        BadRequest("Invalid query.", detail);

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: title
        );

    /// <summary>413 or 415 from <see cref="RequestBody.Status"/>, or another status from Kestrel.</summary>
    public static ProblemHttpResult Body(int status, int limit) =>
        status switch
        {
            StatusCodes.Status413PayloadTooLarge => TypedResults.Problem(
                detail: string.Create(
                    CultureInfo.InvariantCulture,
                    $"The request body is larger than {limit} bytes."
                ),
                statusCode: status,
                title: "Request body too large."
            ),
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(),
            _ => TypedResults.Problem(
                detail: "The request body could not be read.",
                statusCode: status
            ),
        };

    /// <summary>
    /// 415: the body is not JSON, or names a charset other than UTF-8. Answered by
    /// <see cref="RequestBody"/>'s check and, for a media
    /// type that the endpoint's declared <c>application/json</c> excludes, by routing, whose bare
    /// 415 the status code pages turn into this one.
    /// </summary>
    public static ProblemHttpResult UnsupportedMediaType() =>
        TypedResults.Problem(
            detail: "Send the body as UTF-8 JSON: application/json, with no charset or charset=utf-8.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type."
        );

    public static ProblemHttpResult NotReady() =>
        TypedResults.Problem(
            detail: "No verified model is loaded yet; retry shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Model not ready."
        );
}
