using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace MentalHealthInsights.Server.Tests.Fixtures;

/// <summary>Captures every log line, with its structured properties and scopes, as text.</summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. _lines];

    public string AllText => string.Join("\n", _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            var line = new StringBuilder();
            line.Append(logLevel)
                .Append(' ')
                .Append(category)
                .Append(": ")
                .Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                foreach (var (key, value) in properties)
                {
                    line.Append(" | ").Append(key).Append('=').Append(value);
                }
            }
            owner._scopes.ForEachScope(
                (scope, builder) => builder.Append(" | scope: ").Append(scope),
                line
            );
            if (exception is not null)
            {
                line.Append(" | exception: ").Append(exception);
            }
            owner._lines.Enqueue(line.ToString());
        }
    }
}
