// The web host (`mhi serve`). The prediction API and pages arrive with the serving issue;
// until then the server answers liveness only and says that no model is served.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/health/live", () => TypedResults.Ok(new HealthStatus("live")));
app.MapGet(
    "/health/ready",
    () =>
        TypedResults.Problem(
            detail: "No model is served yet: the serving capability is not built.",
            statusCode: StatusCodes.Status503ServiceUnavailable
        )
);
await app.RunAsync();

/// <summary>Liveness answer.</summary>
/// <param name="Status">Always "live" while the process runs.</param>
internal sealed record HealthStatus(string Status);

/// <summary>Entry point, public for the test host.</summary>
public partial class Program;
