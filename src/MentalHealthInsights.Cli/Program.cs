using MentalHealthInsights.Cli.Hosting;
using Spectre.Console;

// mhi: the command-line host. Everything real lives in Commands/ and the libraries.
var interactive =
    !Console.IsErrorRedirected
    && AnsiConsole.Profile.Capabilities.Interactive
    && Environment.GetEnvironmentVariable("CI") is null;
return await MhiCommandLine.InvokeAsync(args, new CliEnvironment(interactive, TimeProvider.System));
