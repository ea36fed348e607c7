using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PrepBot.Data.Postgres;

namespace PrepBot.Tests.Data.Postgres;

/// <summary>The tests that need a PostgreSQL server share one per run (and run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTestGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// A PostgreSQL server for the tests: the one <c>PREPBOT_TEST_POSTGRES</c> names (a connection string whose user may create
/// databases), or else a throwaway one started here from the machine's PostgreSQL (<c>pg_config --bindir</c> names
/// <c>initdb</c> and <c>pg_ctl</c>) in a temp folder, on a free loopback port, and stopped and deleted after the run. initdb and
/// pg_ctl refuse to run as root, so as root they run as <c>postgres</c> (<c>runuser</c>) on a folder that user owns. Each test
/// gets a database of its own (<see cref="CreateDatabaseAsync"/>). Without PostgreSQL on the machine every test that asks for a
/// database is skipped with <see cref="MissingReason"/> in its reason, which <c>.ci/run</c> looks for and fails on.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "PREPBOT_TEST_POSTGRES";

    /// <summary>The start of the skip reason on a machine without PostgreSQL; <c>.ci/run</c> fails when a test was skipped for it.</summary>
    public const string MissingReason = "PostgreSQL is not available";

    private DirectoryInfo? _folder;
    private string? _binDirectory;
    private string? _adminConnectionString;
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private string? _template;

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            _adminConnectionString = given;
            return;
        }

        var pgConfig = FindOnPath("pg_config");
        if (pgConfig is null)
        {
            SkipReason = $"{MissingReason}: no pg_config on PATH (install the postgresql package, or set {EnvironmentVariable} to a connection string).";
            return;
        }

        var (_, bin) = await RunAsync(pgConfig, ["--bindir"], asPostgres: false);
        _binDirectory = bin.Trim();
        if (!File.Exists(Path.Combine(_binDirectory, "initdb")) || !File.Exists(Path.Combine(_binDirectory, "pg_ctl")))
        {
            SkipReason = $"{MissingReason}: {_binDirectory} (pg_config --bindir) has no initdb or pg_ctl (install the postgresql server package, or set {EnvironmentVariable}).";
            return;
        }

        await StartAsync();
    }

    /// <summary>A new empty database on the server, dropped when disposed; skips the calling test when there is no server.</summary>
    public async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var name = "prepbot_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var builder = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name };
        return new PostgresTestDatabase(this, name, builder.ConnectionString);
    }

    /// <summary>
    /// A new database already at the latest migration, dropped when disposed; skips the calling test when there is no server.
    /// Copied from a template migrated once per run (<c>CREATE DATABASE … TEMPLATE</c>), so a store test pays milliseconds, not
    /// a migration, for a database of its own.
    /// </summary>
    public async Task<PostgresTestDatabase> CreateMigratedDatabaseAsync()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        await _templateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var template = "prepbot_template_" + Guid.NewGuid().ToString("N")[..8];
                await ExecuteAsync($"CREATE DATABASE \"{template}\"");
                var templateConnection = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = template, Pooling = false }.ConnectionString;
                await using (var db = PostgresDatabase.CreateFactory(templateConnection).CreateDbContext())
                {
                    await db.Database.MigrateAsync();
                }

                _template = template;
            }
        }
        finally
        {
            _templateLock.Release();
        }

        var name = "prepbot_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"");
        var builder = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name };
        return new PostgresTestDatabase(this, name, builder.ConnectionString);
    }

    /// <summary>
    /// Restarts the server (<c>pg_ctl restart -m fast -w</c>): every open connection is closed by the server (SQLSTATE 57P01),
    /// new ones are refused until it is back, and this returns once it accepts connections again. Skips the calling test when the
    /// server is not one this fixture started (<c>PREPBOT_TEST_POSTGRES</c>).
    /// </summary>
    public async Task RestartAsync()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        Assert.SkipWhen(_folder is null, $"the server of {EnvironmentVariable} is not this run's to restart");
        // -l again: without it the restarted server would write to (and hold open) this process's output pipe.
        await RunAsync(
            Path.Combine(_binDirectory!, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(_folder!.FullName, "server.log"), "-m", "fast", "-w", "-t", "120", "restart"],
            asPostgres: IsRoot);

        // The fixture's own pooled connections died with the old server; the tests' pools are theirs to find broken.
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        NpgsqlConnection.ClearPool(admin);
    }

    /// <summary>A connection string to a database no server answers on (a closed loopback port).</summary>
    public static string UnreachableConnectionString() =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = FreePort(), Database = "prepbot", Username = "prepbot", Password = "secret-password", Timeout = 5 }.ConnectionString;

    internal async Task DropDatabaseAsync(string name, string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is null)
        {
            return;
        }

        await RunAsync(Path.Combine(_binDirectory!, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: IsRoot);
        _folder.Delete(recursive: true);
    }

    private string DataDirectory => Path.Combine(_folder!.FullName, "data");

    private static bool IsRoot => Environment.UserName == "root";

    private async Task StartAsync()
    {
        // As root the folder is made under /tmp, which postgres can reach (a root-only TMPDIR would not be).
        _folder = IsRoot ? Directory.CreateDirectory(Path.Combine("/tmp", "prepbot-pg-" + Guid.NewGuid().ToString("N")[..8])) : Directory.CreateTempSubdirectory("prepbot-pg-");
        var sockets = Directory.CreateDirectory(Path.Combine(_folder.FullName, "sockets"));
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _folder.FullName], asPostgres: false);
        }

        await RunAsync(
            Path.Combine(_binDirectory!, "initdb"),
            ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            asPostgres: IsRoot);
        var port = FreePort();

        // -w waits until the server accepts connections: no polling here. Durability is not what a test server is for.
        await RunAsync(
            Path.Combine(_binDirectory!, "pg_ctl"),
            [
                "-D", DataDirectory, "-l", Path.Combine(_folder.FullName, "server.log"), "-w", "-t", "120",
                "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {sockets.FullName} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                "start",
            ],
            asPostgres: IsRoot);
        _adminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs a program to its end (as <c>postgres</c> when asked); a failure throws with its output, so a broken installation fails the tests.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text}");
        }

        return (process.ExitCode, await output);
    }
}

/// <summary>A database of its own for one test, on <see cref="PostgresServer"/>; dropped (connections and all) when disposed.</summary>
public sealed class PostgresTestDatabase(PostgresServer server, string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(Name, ConnectionString);
}
