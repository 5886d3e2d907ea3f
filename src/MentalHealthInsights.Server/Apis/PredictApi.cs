using System.Buffers;
using System.Text.Json;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.Serving;
using MentalHealthInsights.Server.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>POST /v1/predict and POST /v1/predict/batch.</summary>
internal static class PredictApi
{
    /// <summary>The optional header, as the OpenAPI description states it.</summary>
    internal const string EventTimeNote =
        "Header X-Event-Time (ISO 8601, only with the admin X-Api-Key; 401 without it, 400 when "
        + "unparsable) records that time in the prediction log instead of the server's clock, "
        + "for replays of past days.";

    public static RouteGroupBuilder MapPredictApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/predict", PredictAsync)
            .WithName("Predict")
            .WithSummary("Scores one record: probability, label, threshold and the top factors.")
            .WithDescription(
                "A screening aid, not a diagnosis. Query: explain=false skips the factors; "
                    + "top=1..9 sets how many factors are returned. "
                    + EventTimeNote
            )
            .AcceptsJson<PredictionRequest>()
            .NeedsModel()
            // X-Event-Time without the admin key.
            .NeedsAdminKey();
        v1.MapPost("/predict/batch", PredictBatchAsync)
            .WithName("PredictBatch")
            .WithSummary(
                "Scores up to Serving:MaxBatchRecords records; invalid ones get their own errors."
            )
            .WithDescription(EventTimeNote)
            .AcceptsJson<BatchRequest>()
            .NeedsModel()
            .NeedsAdminKey();
        return v1;
    }

    private static async Task<
        Results<Ok<PredictionResponse>, ValidationProblem, ProblemHttpResult>
    > PredictAsync(
        HttpContext context,
        PredictionService service,
        AdminKey key,
        bool? explain,
        int? top,
        CancellationToken cancellationToken
    )
    {
        var (factors, eventTime, body, refused) = await BeginAsync(
            context,
            key,
            FactorCount(explain, top, service.Options),
            service.Options.MaxBodyBytes,
            cancellationToken
        );
        if (refused is not null)
        {
            return refused;
        }
        var errors = new FieldErrors();
        ParsedRecord? parsed;
        try
        {
            parsed = ParseOne(body.Buffer, errors);
        }
        catch (JsonException ex)
        {
            return Problems.Malformed(JsonErrors.Describe(ex));
        }
        finally
        {
            body.Complete();
        }
        if (parsed is null)
        {
            service.Rejected(errors);
            return Problems.Invalid(errors, "Correct the listed fields and send the record again.");
        }
        if (!service.Slot.TryLease(out var lease))
        {
            context.Response.Headers.RetryAfter = "5";
            return Problems.NotReady();
        }
        using (lease)
        {
            var model = lease.Model;
            var requestId = context.TraceIdentifier;
            var result = service.Score(model, parsed, factors, requestId, eventTime);
            return TypedResults.Ok(
                new PredictionResponse(
                    result.Probability,
                    result.Label,
                    result.Threshold,
                    result.Factors,
                    result.UnknownCategories,
                    model.Identity,
                    requestId,
                    ServingText.Disclaimer
                )
            );
        }
    }

    private static async Task<
        Results<Ok<BatchResponse>, ValidationProblem, ProblemHttpResult>
    > PredictBatchAsync(
        HttpContext context,
        PredictionService service,
        AdminKey key,
        bool? explain,
        int? top,
        CancellationToken cancellationToken
    )
    {
        var options = service.Options;
        var (factors, eventTime, body, refused) = await BeginAsync(
            context,
            key,
            FactorCount(explain, top, options),
            options.MaxBatchBodyBytes,
            cancellationToken
        );
        if (refused is not null)
        {
            return refused;
        }
        List<(ParsedRecord? Record, FieldErrors? Errors)> items;
        try
        {
            var parse = BatchParser.Parse(
                body.Buffer,
                ValidationOptions.Default,
                options.MaxBatchRecords
            );
            if (parse.Problem is { } problem)
            {
                return Problems.BadRequest("Invalid batch.", problem);
            }
            items = parse.Items;
        }
        catch (JsonException ex)
        {
            return Problems.Malformed(JsonErrors.Describe(ex));
        }
        finally
        {
            body.Complete();
        }
        if (!service.Slot.TryLease(out var lease))
        {
            context.Response.Headers.RetryAfter = "5";
            return Problems.NotReady();
        }
        using (lease)
        {
            var model = lease.Model;
            var requestId = context.TraceIdentifier;
            var results = new BatchItem[items.Count];
            var scored = 0;
            for (var i = 0; i < results.Length; i++)
            {
                var (record, errors) = items[i];
                if (record is null)
                {
                    service.Rejected(errors!);
                    results[i] = new BatchItem(i, null, errors!.ToDictionary());
                    continue;
                }
                results[i] = new BatchItem(
                    i,
                    service.Score(model, record, factors, requestId, eventTime),
                    null
                );
                scored++;
            }
            return TypedResults.Ok(
                new BatchResponse(
                    results,
                    scored,
                    results.Length - scored,
                    model.Identity,
                    requestId,
                    ServingText.Disclaimer
                )
            );
        }
    }

    /// <summary>
    /// What both endpoints check before parsing, in this order: the top query, the event-time
    /// header, then the body (read whole up to <paramref name="maxBytes"/>). Refused: the problem
    /// to answer with (nothing to complete).
    /// </summary>
    private static async Task<(
        int Factors,
        DateTimeOffset? EventTime,
        RequestBody Body,
        ProblemHttpResult? Refused
    )> BeginAsync(
        HttpContext context,
        AdminKey key,
        int? factors,
        int maxBytes,
        CancellationToken cancellationToken
    )
    {
        if (factors is null)
        {
            return (0, null, default, Problems.InvalidQuery("top must be between 1 and 9."));
        }
        if (EventTimeHeader.Read(context.Request, key, out var eventTime) is { } timeProblem)
        {
            return (0, null, default, timeProblem);
        }
        var body = await RequestBody.ReadAsync(context.Request, maxBytes, cancellationToken);
        return body.Status == StatusCodes.Status200OK
            ? (factors.Value, eventTime, body, null)
            : (0, null, default, Problems.Body(body.Status, maxBytes));
    }

    /// <summary>
    /// How many factors to explain (0 = none), or null for an invalid top — also beside
    /// explain=false, where it used to be ignored: a query value out of range is always a 400.
    /// </summary>
    internal static int? FactorCount(bool? explain, int? top, ServingOptions options) =>
        top is not (null or (>= 1 and <= 9)) ? null
        : explain == false ? 0
        : top ?? options.TopFactors;

    private static ParsedRecord? ParseOne(ReadOnlySequence<byte> body, FieldErrors errors)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
        if (!reader.Read())
        {
            errors.Add("$", "the body is empty: send one record as a JSON object");
            return null;
        }
        var parsed = RecordJsonReader.Read(ref reader, ValidationOptions.Default, errors);
        // Trailing content after the object is malformed JSON; Read() throws for it.
        while (reader.Read()) { }
        return parsed;
    }
}
