using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PrepBot.Data.Postgres;
using PrepBot.Hosting;
using PrepBot.Terminal;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Hosting;

/// <summary>Starting with <c>Data:Provider=Postgres</c>: it runs on a reachable server; bad settings are one configuration error naming the key, exit code 2, never half a start.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresProviderStartTests(PostgresServer server) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("prepbot-pgstart-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string SqlitePath => Path.Combine(_folder.FullName, "prepbot.db");

    private Task<(int Exit, string Error)> StartPracticeAsync(params string[] settings) => StartPracticeAsync(configure: null, settings);

    private async Task<(int Exit, string Error)> StartPracticeAsync(Action<IServiceCollection>? configure, params string[] settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PrepBotApp.RunAsync(
            ["practice", $"--Data:DatabasePath={SqlitePath}", $"--Content:Directory={RepositoryFolders.Content}", "--Content:WatchForChanges=false", .. settings],
            builder =>
            {
                builder.Services.AddSingleton(new TerminalIO(new StringReader("/quit\n"), output));
                configure?.Invoke(builder.Services);
            },
            output,
            error);
        return (exit, error.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task A_pool_size_out_of_range_is_one_configuration_error_naming_the_key(string size)
    {
        var (exit, error) = await StartPracticeAsync(
            "--Data:Provider=Postgres", "--ConnectionStrings:PrepBot=Host=127.0.0.1;Database=prepbot", $"--Data:PostgresPoolSize={size}");

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Configuration error: Data:PostgresPoolSize: must be from 1 to 1000 connections (got {size})", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pools_connections_are_open_before_the_first_learner_and_closed_when_the_bot_stops()
    {
        await using var database = await server.CreateDatabaseAsync();
        var count = $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{PostgresDatabase.ApplicationName}'";
        var atStart = -1L;

        var (exit, error) = await StartPracticeAsync(
            services => services.AddHostedService(_ => new AtStart(async () => atStart = long.Parse(await ScalarAsync(database.ConnectionString, count), System.Globalization.CultureInfo.InvariantCulture))),
            "--Data:Provider=Postgres", $"--ConnectionStrings:PrepBot={database.ConnectionString}", "--Data:PostgresPoolSize=3");

        Assert.True(exit == PrepBotApp.ExitOk, error);
        Assert.Equal(3, atStart);

        // The pool closed them when the bot stopped; each server process then exits on its own time, so the server is asked
        // until it has seen them all go (or the guard passes).
        var guard = Stopwatch.StartNew();
        var left = await ScalarAsync(database.ConnectionString, count);
        while (left != "0" && guard.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
            left = await ScalarAsync(database.ConnectionString, count);
        }

        Assert.Equal("0", left);
    }

    [Fact]
    public async Task A_pool_the_server_will_not_open_is_one_configuration_error_naming_the_key()
    {
        await using var database = await server.CreateDatabaseAsync();
        var role = "prepbot_limited_" + Guid.NewGuid().ToString("N")[..8];
        await ScalarAsync(database.ConnectionString, $"CREATE ROLE {role} LOGIN CONNECTION LIMIT 2");
        await ScalarAsync(database.ConnectionString, $"ALTER DATABASE \"{database.Name}\" OWNER TO {role}");
        var limited = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role }.ConnectionString;

        var (exit, error) = await StartPracticeAsync("--Data:Provider=Postgres", $"--ConnectionStrings:PrepBot={limited}", "--Data:PostgresPoolSize=5");

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: Data:PostgresPoolSize: opened ", line, StringComparison.Ordinal);
        Assert.Contains("of the 5 connections this process keeps to PostgreSQL at 127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("Lower Data:PostgresPoolSize, or raise the server's max_connections.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_one_configuration_error_naming_the_key()
    {
        var (exit, error) = await StartPracticeAsync("--Data:Provider=Postgres");

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: ConnectionStrings:PrepBot: Data:Provider is Postgres", line, StringComparison.Ordinal);
        Assert.False(File.Exists(SqlitePath));
    }

    [Fact]
    public async Task An_unknown_provider_is_refused_by_name()
    {
        var (exit, error) = await StartPracticeAsync("--Data:Provider=Oracle");

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        Assert.StartsWith("Configuration error: Data:Provider: 'Oracle' is not one of Sqlite, Postgres.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgres_is_one_configuration_error_naming_the_key_without_the_password()
    {
        var unreachable = PostgresServer.UnreachableConnectionString();

        var (exit, error) = await StartPracticeAsync("--Data:Provider=Postgres", $"--ConnectionStrings:PrepBot={unreachable}");

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: ConnectionStrings:PrepBot: cannot connect to PostgreSQL at 127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-password", line, StringComparison.Ordinal);
        Assert.False(File.Exists(SqlitePath));
    }

    [Fact]
    public async Task A_reachable_postgres_runs_a_practice_session_on_it_migrated_and_without_a_sqlite_file()
    {
        await using var database = await server.CreateDatabaseAsync();

        var (exit, error) = await StartPracticeAsync("--Data:Provider=Postgres", $"--ConnectionStrings:PrepBot={database.ConnectionString}");

        Assert.True(exit == PrepBotApp.ExitOk, error);
        Assert.False(File.Exists(SqlitePath));
        Assert.False(File.Exists(SqlitePath + ".lock"));
        Assert.Contains("20", await ScalarAsync(database.ConnectionString, "SELECT max(\"MigrationId\") FROM \"__EFMigrationsHistory\""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_start_on_an_empty_database_logs_no_error()
    {
        // EF Core reads its migration history before creating the table; on a fresh PostgreSQL database each such read used
        // to be logged as a failed command (two "fail:" lines on an operator's first start, about nothing).
        await using var database = await server.CreateDatabaseAsync();
        var logs = new LevelRecorder();

        var (exit, error) = await StartPracticeAsync(
            services => services.AddSingleton<ILoggerProvider>(logs), "--Data:Provider=Postgres", $"--ConnectionStrings:PrepBot={database.ConnectionString}");

        Assert.True(exit == PrepBotApp.ExitOk, error);
        Assert.Contains("PrepBot.Data.DatabaseMigrator", logs.Categories); // the recorder was listening
        Assert.Empty(logs.Errors);
    }

    [Fact]
    public async Task A_connection_string_that_turns_on_npgsql_multiplexing_starts()
    {
        // The reachability check opens one unpooled connection; Npgsql refuses multiplexing without pooling, which used to
        // end the start with an unhandled exception instead of running.
        await using var database = await server.CreateDatabaseAsync();

        var (exit, error) = await StartPracticeAsync("--Data:Provider=Postgres", $"--ConnectionStrings:PrepBot={database.ConnectionString};Multiplexing=true");

        Assert.True(exit == PrepBotApp.ExitOk, error);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task Data_backup_and_restore_refuse_postgres_naming_pg_dump_and_pg_restore(string command)
    {
        await using var database = await server.CreateDatabaseAsync();
        var file = Path.Combine(_folder.FullName, "copy.db");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await PrepBotApp.RunAsync(
            ["data", command, file, "--Data:Provider=Postgres", $"--ConnectionStrings:PrepBot={database.ConnectionString}"], output: output, error: error);

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Configuration error: Data:Provider: data {command} copies PrepBot's SQLite file, and the database is PostgreSQL (127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("pg_dump", line, StringComparison.Ordinal);
        Assert.Contains("pg_restore", line, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_daily_backup_folder_with_postgres_is_one_configuration_error_naming_pg_dump()
    {
        await using var database = await server.CreateDatabaseAsync();

        var (exit, error) = await StartPracticeAsync(
            "--Data:Provider=Postgres", $"--ConnectionStrings:PrepBot={database.ConnectionString}", $"--Data:Backup:Directory={_folder.FullName}");

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: Data:Backup:Directory: the daily backup copies PrepBot's SQLite file, and Data:Provider is Postgres", line, StringComparison.Ordinal);
        Assert.Contains("pg_dump", line, StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="check"/> when the host starts it (after every service registered before it).</summary>
    private sealed class AtStart(Func<Task> check) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => check();

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <summary>Every category that logged, and what was logged at Error or above.</summary>
    private sealed class LevelRecorder : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Categories { get; } = [];

        public System.Collections.Concurrent.ConcurrentBag<string> Errors { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LevelRecorder recorder, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                recorder.Categories.Add(category);
                if (logLevel >= LogLevel.Error)
                {
                    recorder.Errors.Add($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
