using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using PrepBot.Data;

namespace PrepBot.Tests.Support;

/// <summary>A real SQLite file in a temp folder, migrated by the production migrator.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private bool _reopened;

    private TestDatabase(DirectoryInfo folder, string path, IDbContextFactory<PrepBotDbContext> factory)
    {
        _folder = folder;
        Path = path;
        Factory = factory;
    }

    public string Path { get; }

    public IDbContextFactory<PrepBotDbContext> Factory { get; }

    public static Task<TestDatabase> CreateAsync(string synchronous = "Normal")
    {
        var folder = Directory.CreateTempSubdirectory("prepbot-db-");
        return OpenAsync(folder, synchronous);
    }

    /// <summary>The same file opened again, migrator and all, as after a restart; dispose only the new one.</summary>
    public Task<TestDatabase> ReopenAsync()
    {
        _reopened = true;
        SqliteConnection.ClearAllPools();
        return OpenAsync(_folder, "Normal");
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

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (!_reopened && _folder.Exists)
        {
            _folder.Delete(recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
