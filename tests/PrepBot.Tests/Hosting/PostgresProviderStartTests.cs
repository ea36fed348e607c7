using Microsoft.Extensions.DependencyInjection;
using PrepBot.Hosting;
using PrepBot.Terminal;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Hosting;

/// <summary>Starting with <c>Data:Provider=Postgres</c>: one configuration error naming the key, exit code 2, never half a start.</summary>
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
    public async Task A_reachable_postgres_is_refused_for_running_until_the_stores_speak_it()
    {
        await using var database = await server.CreateDatabaseAsync();

        var (exit, error) = await StartPracticeAsync("--Data:Provider=Postgres", $"--ConnectionStrings:PrepBot={database.ConnectionString}");

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: Data:Provider: PostgreSQL (127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("is supported for `data copy --to-postgres` and not yet for running PrepBot", line, StringComparison.Ordinal);
        Assert.False(File.Exists(SqlitePath));
    }
}
