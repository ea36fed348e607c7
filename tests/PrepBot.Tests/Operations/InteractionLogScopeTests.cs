using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Operations;

/// <summary>Every log line written while an interaction is handled carries its command and a correlation id, never a token.</summary>
public sealed class InteractionLogScopeTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-logscope-");
    private readonly FakeDiscordServer _discord = new();

    public async ValueTask InitializeAsync()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task Lines_about_an_interaction_carry_its_command_and_correlation_id_and_no_token()
    {
        var logs = new ScopeRecordingProvider();
        await using var bot = await DiscordBotHarness.StartWithOperationsAsync(
            _discord,
            _content.ContentDirectory,
            Path.Combine(_data.FullName, "bot.db"),
            builder => builder.Services.AddSingleton<ILoggerProvider>(logs),
            "--Logging:LogLevel:Default=Debug");

        var (dispatched, _) = await bot.SendAsync(FakeInteraction.SlashCommand("quiz"));
        var answered = await logs.Answered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Contains(new KeyValuePair<string, string>("Command", "quiz"), answered.Scope);
        Assert.Contains(new KeyValuePair<string, string>("CorrelationId", dispatched.Id), answered.Scope);
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains(_discord.Token, StringComparison.Ordinal)
            || line.Message.Contains(dispatched.Token, StringComparison.Ordinal)
            || line.Scope.Any(pair => pair.Value.Contains(dispatched.Token, StringComparison.Ordinal)));
    }

    private sealed record Line(string Message, IReadOnlyList<KeyValuePair<string, string>> Scope);

    /// <summary>Records every line with the key-value pairs of the scopes around it, as the JSON console formatter writes them.</summary>
    private sealed class ScopeRecordingProvider : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<Line> _lines = new();
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public IReadOnlyList<Line> Lines => [.. _lines];

        /// <summary>The interaction handler's last line about the interaction.</summary>
        public TaskCompletionSource<Line> Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeRecordingProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new List<KeyValuePair<string, string>>();
                provider._scopes.ForEachScope(
                    (value, pairs) =>
                    {
                        if (value is IEnumerable<KeyValuePair<string, object?>> values)
                        {
                            pairs.AddRange(values.Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value?.ToString() ?? string.Empty)));
                        }
                    },
                    scope);
                var line = new Line(formatter(state, exception), scope);
                provider._lines.Enqueue(line);
                if (line.Message.StartsWith("Interaction answered", StringComparison.Ordinal))
                {
                    provider.Answered.TrySetResult(line);
                }
            }
        }
    }
}
