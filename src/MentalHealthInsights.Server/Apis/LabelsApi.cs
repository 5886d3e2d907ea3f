using System.Text.Json;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.Hosting;
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
            .Accepts<LabelsRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
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
        LabelsRequest? request;
        try
        {
            var reader = new Utf8JsonReader(body.Buffer);
            request = JsonSerializer.Deserialize(
                ref reader,
                ServerJsonContext.Default.LabelsRequest
            );
        }
        catch (JsonException ex)
        {
            return Problems.Malformed(JsonErrors.Describe(ex));
        }
        catch (InvalidOperationException)
        {
            return Problems.Malformed("The body holds text that is not valid Unicode.");
        }
        finally
        {
            body.Complete();
        }
        var errors = new FieldErrors();
        var outcomes = new List<OutcomeLabel>();
        if (request?.Labels is not { Count: > 0 } labels)
        {
            errors.Add(
                "labels",
                "must be a non-empty array of {\"User_ID\": …, \"outcome\": true|false}"
            );
            return Problems.Invalid(errors, "Nothing to attach.");
        }
        for (var i = 0; i < labels.Count; i++)
        {
            var item = labels[i];
            // Checked once: a valid id is kept, an invalid one is reported.
            var id = item?.UserId?.Trim()
                is { Length: > 0 and <= RecordJsonReader.MaxFieldLength } text
                ? text
                : null;
            if (id is null)
            {
                errors.Add($"labels[{i}].User_ID", "is required (1–1024 characters)");
            }
            if (item?.Outcome is not { } outcome)
            {
                errors.Add($"labels[{i}].outcome", "is required (true or false)");
            }
            else if (id is not null)
            {
                outcomes.Add(new OutcomeLabel(pseudonymiser.Pseudonymise(id), outcome));
            }
        }
        if (errors.HasErrors)
        {
            return Problems.Invalid(errors, "Correct the listed labels; none were attached.");
        }
        var updated = await store.AttachOutcomesAsync(
            outcomes,
            eventTime ?? time.GetUtcNow(),
            cancellationToken
        );
        return TypedResults.Ok(new LabelsResponse(outcomes.Count, updated));
    }
}
