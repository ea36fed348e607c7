using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PrepBot.Data;
using PrepBot.Data.Postgres;
using PrepBot.Tests.Data.Postgres;

namespace PrepBot.Tests.Support;

/// <summary>The engine a store test runs on: every store test class runs once per engine (an abstract base, one sealed class each).</summary>
public enum TestEngine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A real database for one test: a SQLite file in a temp folder, migrated by the production migrator, or a PostgreSQL database
/// of its own on the run's <see cref="PostgresServer"/> (<see cref="CreatePostgresAsync"/>).
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo? _folder;
    private readonly PostgresTestDatabase? _postgres;
    private bool _reopened;

    private TestDatabase(DirectoryInfo folder, string path, IDbContextFactory<PrepBotDbContext> factory)
    {
        _folder = folder;
        Path = path;
        Factory = factory;
    }

    private TestDatabase(PostgresTestDatabase postgres, IDbContextFactory<PrepBotDbContext> factory)
    {
        _postgres = postgres;
        Path = string.Empty;
        Factory = factory;
    }

    public TestEngine Engine => _postgres is null ? TestEngine.Sqlite : TestEngine.Postgres;

    /// <summary>The SQLite file (empty on PostgreSQL).</summary>
    public string Path { get; }

    /// <summary>PostgreSQL's connection string (null on SQLite).</summary>
    public string? ConnectionString => _postgres?.ConnectionString;

    public IDbContextFactory<PrepBotDbContext> Factory { get; }

    /// <summary>A migrated database on <paramref name="engine"/>; <paramref name="server"/> is needed (and only used) for PostgreSQL.</summary>
    public static Task<TestDatabase> CreateAsync(TestEngine engine, PostgresServer? server) =>
        engine == TestEngine.Postgres ? CreatePostgresAsync(server ?? throw new ArgumentNullException(nameof(server))) : CreateAsync();

    /// <summary>A PostgreSQL database of its own at the latest migration; the test is skipped when the machine has no PostgreSQL.</summary>
    public static async Task<TestDatabase> CreatePostgresAsync(PostgresServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var database = await server.CreateMigratedDatabaseAsync();
        return new TestDatabase(database, PostgresDatabase.CreateFactory(database.ConnectionString));
    }

    public static Task<TestDatabase> CreateAsync(string synchronous = "Normal")
    {
        var folder = Directory.CreateTempSubdirectory("prepbot-db-");
        return OpenAsync(folder, synchronous);
    }

    /// <summary>The same file opened again, migrator and all, as after a restart; dispose only the new one.</summary>
    public Task<TestDatabase> ReopenAsync()
    {
        _reopened = true;
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            return Task.FromResult(new TestDatabase(_postgres, PostgresDatabase.CreateFactory(_postgres.ConnectionString)));
        }

        SqliteConnection.ClearAllPools();
        return OpenAsync(_folder!, "Normal");
    }

    private static async Task<TestDatabase> OpenAsync(DirectoryInfo folder, string synchronous)
    {
        var path = System.IO.Path.Combine(folder.FullName, "prepbot.db");
        var options = new DbContextOptionsBuilder<PrepBotDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString())
            .AddInterceptors(new SqlitePragmas(synchronous))
            .Options;
        var factory = new PooledDbContextFactory<PrepBotDbContext>(options);
        var migrator = new DatabaseMigrator(factory, new DatabaseLocation(path), NullLogger<DatabaseMigrator>.Instance);
        await migrator.StartAsync(TestContext.Current.CancellationToken);
        return new TestDatabase(folder, path, factory);
    }

    public async Task<long> AddLearnerAsync(string name = "ada", string timeZoneId = "Etc/UTC")
    {
        await using var db = await Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var learner = new Learner { Platform = "terminal", PlatformUserId = name, DisplayName = name, TimeZoneId = timeZoneId };
        db.Learners.Add(learner);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return learner.Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            if (!_reopened)
            {
                await _postgres.DisposeAsync();
            }

            return;
        }

        SqliteConnection.ClearAllPools();
        if (!_reopened && _folder!.Exists)
        {
            _folder.Delete(recursive: true);
        }
    }
}
