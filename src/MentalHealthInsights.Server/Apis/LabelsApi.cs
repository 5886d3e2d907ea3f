using System.Text.Json;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.PredictionLogging;
using MentalHealthInsights.Server.Serving;
using MentalHealthInsights.Server.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// POST /v1/labels (X-Api-Key): attaches observed outcomes to logged predictions by User_ID,
/// which is pseudonymised with the same keyed hash first (the raw id is never stored). An
/// <see cref="EventTimeHeader"/> sets the arrival time recorded (replays).
/// </summary>
internal static class LabelsApi
{
    public static RouteGroupBuilder MapLabelsApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/labels", AttachAsync)
            .WithName("AttachLabels")
            .WithSummary(
                "Attaches observed outcomes to logged predictions by User_ID (requires X-Api-Key)."
            )
            .WithDescription(
                "Header X-Event-Time (ISO 8601) records that time as when the labels arrived, "
                    + "instead of the server's clock, for replays of past days."
            )
            .AcceptsJson<LabelsRequest>()
            .NeedsAdminKey()
            // The prediction log is off.
            .ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    private static async Task<
        Results<Ok<LabelsResponse>, ValidationProblem, ProblemHttpResult>
    > AttachAsync(
        HttpContext context,
        AdminKey key,
        PredictionRecorder recorder,
        IPredictionLogStore store,
        ServingOptions options,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        if (!key.Accepts(context.Request))
        {
            return AdminApi.Unauthorized(key);
        }
        if (EventTimeHeader.Read(context.Request, key, out var eventTime) is { } timeProblem)
        {
            return timeProblem;
        }
        if (recorder.Pseudonymiser is not { } pseudonymiser)
        {
            return TypedResults.Problem(
                detail: "The prediction log is off (PredictionLog:Enabled=false): there is nothing to label.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Prediction log disabled."
            );
        }
        var body = await RequestBody.ReadAsync(
            context.Request,
            options.MaxBatchBodyBytes,
            cancellationToken
        );
        if (body.Status != StatusCodes.Status200OK)
        {
            return Problems.Body(body.Status, options.MaxBatchBodyBytes);
        }
        var errors = new FieldErrors();
        List<(string UserId, bool Outcome)> labels;
        try
        {
            labels = LabelsParser.Parse(body.Buffer, errors);
        }
        catch (JsonException ex)
        {
            return Problems.Malformed(JsonErrors.Describe(ex));
        }
        finally
        {
            body.Complete();
        }
        if (errors.HasErrors)
        {
            return Problems.Invalid(errors, "Correct the listed labels; none were attached.");
        }
        // The parser refused conflicting labels; a User_ID again with the same outcome is a
        // duplicate, counted and not sent to the store.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new List<OutcomeLabel>(labels.Count);
        foreach (var (userId, outcome) in labels)
        {
            if (seen.Add(userId))
            {
                outcomes.Add(new OutcomeLabel(pseudonymiser.Pseudonymise(userId), outcome));
            }
        }
        var attached = await store.AttachOutcomesAsync(
            outcomes,
            eventTime ?? time.GetUtcNow(),
            cancellationToken
        );
        return TypedResults.Ok(
            new LabelsResponse(
                Received: labels.Count,
                Updated: attached.PredictionsUpdated,
                Matched: attached.Matched,
                Unmatched: attached.Unmatched,
                Duplicates: labels.Count - outcomes.Count
            )
        );
    }
}
