using PrepBot.Tests.Data.Postgres;

namespace PrepBot.Tests.Support;

/// <summary>
/// Where a host test's bot keeps its data, on either engine: a SQLite file in a temp folder, or a PostgreSQL database of its own
/// (migrated from the run's template) with <c>Data:Provider=Postgres</c>. Start the bot on it with
/// <see cref="DiscordBotHarness.StartAsync(PrepBot.FakeDiscord.FakeDiscordServer, string, BotDatabase, TimeProvider?, string[])"/>;
/// start it again on the same one to simulate a restart.
/// </summary>
internal sealed class BotDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly PostgresTestDatabase? _postgres;

    private BotDatabase(DirectoryInfo folder, PostgresTestDatabase? postgres)
    {
        _folder = folder;
        _postgres = postgres;
    }

    public TestEngine Engine => _postgres is null ? TestEngine.Sqlite : TestEngine.Postgres;

    /// <summary>The SQLite file (on PostgreSQL unused but for the folder exports are written beside).</summary>
    public string Path => System.IO.Path.Combine(_folder.FullName, "bot.db");

    /// <summary>PostgreSQL's connection string (null on SQLite).</summary>
    public string? ConnectionString => _postgres?.ConnectionString;

    /// <summary>The settings that point the host at this database.</summary>
    public string[] Settings => _postgres is null
        ? [$"--Data:DatabasePath={Path}"]
        : [$"--Data:DatabasePath={Path}", "--Data:Provider=Postgres", $"--ConnectionStrings:PrepBot={_postgres.ConnectionString}"];

    /// <summary>A database on <paramref name="engine"/>; <paramref name="server"/> is needed (and only used) for PostgreSQL, where the test is skipped without one.</summary>
    public static async Task<BotDatabase> CreateAsync(TestEngine engine, PostgresServer? server)
    {
        var folder = Directory.CreateTempSubdirectory("prepbot-bot-");
        if (engine == TestEngine.Sqlite)
        {
            return new BotDatabase(folder, null);
        }

        try
        {
            ArgumentNullException.ThrowIfNull(server);
            return new BotDatabase(folder, await server.CreateMigratedDatabaseAsync());
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder.Exists)
        {
            _folder.Delete(recursive: true);
        }
    }
}
