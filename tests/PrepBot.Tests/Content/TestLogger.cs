using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PrepBot.Tests.Content;

internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message);

/// <summary>Records log entries and raises <see cref="Logged"/> for each, so tests can wait on one.</summary>
internal sealed class TestLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public event Action<LogEntry>? Logged;

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var entry = new LogEntry(logLevel, eventId, formatter(state, exception));
        _entries.Enqueue(entry);
        Logged?.Invoke(entry);
    }
}
