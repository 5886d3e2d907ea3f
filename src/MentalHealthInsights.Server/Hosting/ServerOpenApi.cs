namespace MentalHealthInsights.Server.Hosting;

/// <summary>The OpenAPI 3.1 document (/openapi/v1.json, committed as docs/openapi/v1.json).</summary>
internal static class ServerOpenApi
{
    public static IServiceCollection AddServerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(
            "v1",
            options =>
                options.AddDocumentTransformer(
                    (document, _, _) =>
                    {
                        document.Info.Title = "Mental Health Insights API";
                        document.Info.Version = "v1";
                        document.Info.Description =
                            "Screening-risk estimates from demographic and lifestyle answers. "
                            + "A screening aid, not a diagnosis. What-if answers are associations "
                            + "learned from data, not causal effects or medical advice.";
                        // The server's address depends on the deployment; keep the document stable.
                        document.Servers = [];
                        return Task.CompletedTask;
                    }
                )
        );
}
