using System.Globalization;
using System.Text.Json;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.Serving;
using MentalHealthInsights.Server.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// POST /v1/what-if: how the estimate moves when one modifiable factor (sleep, work hours,
/// physical activity, stress) changes and nothing else does — an association learned from data,
/// not a causal effect or medical advice. What-if points are not logged as predictions.
/// </summary>
internal static class WhatIfApi
{
    public static RouteGroupBuilder MapWhatIfApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/what-if", WhatIfAsync)
            .WithName("WhatIf")
            .WithSummary(
                "Estimated probability when one modifiable factor changes (an association, not a causal effect)."
            )
            .AcceptsJson<WhatIfRequest>()
            .NeedsModel();
        return v1;
    }

    private static async Task<
        Results<Ok<WhatIfResponse>, ValidationProblem, ProblemHttpResult>
    > WhatIfAsync(
        HttpContext context,
        PredictionService service,
        CancellationToken cancellationToken
    )
    {
        var limit = service.Options.MaxBodyBytes;
        var body = await RequestBody.ReadAsync(context.Request, limit, cancellationToken);
        if (body.Status != StatusCodes.Status200OK)
        {
            return Problems.Body(body.Status, limit);
        }
        var errors = new FieldErrors();
        WhatIfParser.Result request;
        try
        {
            request = WhatIfParser.Parse(body.Buffer, ValidationOptions.Default, errors);
        }
        catch (JsonException ex)
        {
            return Problems.Malformed(JsonErrors.Describe(ex));
        }
        finally
        {
            body.Complete();
        }
        if (
            errors.HasErrors
            || request.Record is not { } parsed
            || request.Feature is not { } feature
        )
        {
            service.Rejected(errors);
            return Problems.Invalid(
                errors,
                "Correct the listed fields and send the request again."
            );
        }
        if (!service.Slot.TryLease(out var lease))
        {
            context.Response.Headers.RetryAfter = "5";
            return Problems.NotReady();
        }
        using (lease)
        {
            var model = lease.Model;
            var record = parsed.Record;
            var current = PredictionService.Probability(model, record);
            var points = new List<WhatIfPoint>();
            foreach (var value in request.Numbers)
            {
                var changed = With(record, feature, value);
                var p = PredictionService.Probability(model, changed);
                points.Add(
                    new WhatIfPoint(value.ToString(CultureInfo.InvariantCulture), p, p - current)
                );
            }
            foreach (var level in request.Levels)
            {
                var p = PredictionService.Probability(model, record with { StressLevel = level });
                points.Add(new WhatIfPoint(level, p, p - current));
            }
            return TypedResults.Ok(
                new WhatIfResponse(
                    feature,
                    CurrentValue(record, feature),
                    current,
                    points,
                    model.Identity,
                    ServingText.WhatIfNote,
                    ServingText.Disclaimer
                )
            );
        }
    }

    private static MentalHealthRecord With(
        MentalHealthRecord record,
        string feature,
        double value
    ) =>
        feature switch
        {
            DatasetSchema.SleepHours => record with { SleepHours = value },
            DatasetSchema.WorkHours => record with { WorkHours = value },
            _ => record with { PhysicalActivityHours = value },
        };

    private static string CurrentValue(MentalHealthRecord record, string feature)
    {
        if (feature == DatasetSchema.StressLevel)
        {
            return record.StressLevel ?? "missing";
        }
        var value = feature switch
        {
            DatasetSchema.SleepHours => record.SleepHours,
            DatasetSchema.WorkHours => record.WorkHours,
            _ => record.PhysicalActivityHours,
        };
        return double.IsNaN(value) ? "missing" : value.ToString(CultureInfo.InvariantCulture);
    }
}
