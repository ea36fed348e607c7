using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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

    private async Task<(int Exit, string Error)> StartPracticeAsync(params string[] settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PrepBotApp.RunAsync(
            ["practice", $"--Data:DatabasePath={SqlitePath}", $"--Content:Directory={RepositoryFolders.Content}", "--Content:WatchForChanges=false", .. settings],
            builder => builder.Services.AddSingleton(new TerminalIO(new StringReader("/quit\n"), output)),
            output,
            error);
        return (exit, error.ToString());
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

    private static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
