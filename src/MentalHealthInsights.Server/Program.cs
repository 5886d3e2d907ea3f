// The web host (`mhi serve`): prediction API, web pages, metrics. A table of contents only —
// composition in Hosting/ServerServices.cs, middleware and endpoints in Hosting/ServerPipeline.cs.
using MentalHealthInsights.Server.Hosting;

if (ServerHost.CreateBuilder(args) is not { } builder)
{
    return ServerHost.RefusedExitCode;
}
var app = builder.Build();
app.UseMentalHealthServer();
app.MapMentalHealthServer();
return await ServerHost.RunAsync(app);

/// <summary>Entry point, public for the test host.</summary>
public partial class Program;
